package io.shopops.groupbuy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a group-buy activity; serialised as its bare number. */
public record GroupBuyId(@JsonValue long value) {

    @JsonCreator
    public static GroupBuyId of(long value) {
        return new GroupBuyId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
