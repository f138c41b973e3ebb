package io.shopops.ordering;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies an order; serialised as its bare number. */
public record OrderId(@JsonValue long value) {

    @JsonCreator
    public static OrderId of(long value) {
        return new OrderId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
