package io.shopops.fulfilment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a shipment; serialised as its bare number. */
public record ShipmentId(@JsonValue long value) {

    @JsonCreator
    public static ShipmentId of(long value) {
        return new ShipmentId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
