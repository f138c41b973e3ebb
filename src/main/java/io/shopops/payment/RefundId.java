package io.shopops.payment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a refund; serialised as its bare number. */
public record RefundId(@JsonValue long value) {

    @JsonCreator
    public static RefundId of(long value) {
        return new RefundId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
