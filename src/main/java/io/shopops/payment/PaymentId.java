package io.shopops.payment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a payment; serialised as its bare number. */
public record PaymentId(@JsonValue long value) {

    @JsonCreator
    public static PaymentId of(long value) {
        return new PaymentId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
