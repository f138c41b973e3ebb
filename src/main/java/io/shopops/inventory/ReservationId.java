package io.shopops.inventory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a reservation; serialised as its bare number. */
public record ReservationId(@JsonValue long value) {

    @JsonCreator
    public static ReservationId of(long value) {
        return new ReservationId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
