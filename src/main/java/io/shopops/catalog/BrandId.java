package io.shopops.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a brand; serialised as its bare number. */
public record BrandId(@JsonValue long value) {

    @JsonCreator
    public static BrandId of(long value) {
        return new BrandId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
