package io.shopops.groupbuy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a bargain activity; serialised as its bare number. */
public record BargainActivityId(@JsonValue long value) {

    @JsonCreator
    public static BargainActivityId of(long value) {
        return new BargainActivityId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
