package io.shopops.groupbuy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a group of a group-buy activity; serialised as its bare number. */
public record GroupId(@JsonValue long value) {

    @JsonCreator
    public static GroupId of(long value) {
        return new GroupId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
