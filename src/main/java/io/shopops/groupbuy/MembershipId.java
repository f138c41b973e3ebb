package io.shopops.groupbuy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a customer's place in a group; serialised as its bare number. */
public record MembershipId(@JsonValue long value) {

    @JsonCreator
    public static MembershipId of(long value) {
        return new MembershipId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
