package io.shopops.groupbuy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a customer's bargain; serialised as its bare number. */
public record BargainId(@JsonValue long value) {

    @JsonCreator
    public static BargainId of(long value) {
        return new BargainId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
