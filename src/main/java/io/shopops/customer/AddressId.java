package io.shopops.customer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies one of a customer's shipping addresses; serialised as its bare number. */
public record AddressId(@JsonValue long value) {

    @JsonCreator
    public static AddressId of(long value) {
        return new AddressId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
