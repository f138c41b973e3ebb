package io.shopops.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a category; serialised as its bare number. */
public record CategoryId(@JsonValue long value) {

    @JsonCreator
    public static CategoryId of(long value) {
        return new CategoryId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
