package io.shopops.flashsale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a customer's entitlement to buy units of a flash-sale item at its flash price; serialised as its bare number. */
public record EntitlementId(@JsonValue long value) {

    @JsonCreator
    public static EntitlementId of(long value) {
        return new EntitlementId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
