package io.shopops.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a sku; serialised as its bare number. */
public record SkuId(@JsonValue long value) {

    @JsonCreator
    public static SkuId of(long value) {
        return new SkuId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
