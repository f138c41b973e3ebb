package io.shopops.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a product; serialised as its bare number. */
public record ProductId(@JsonValue long value) {

    @JsonCreator
    public static ProductId of(long value) {
        return new ProductId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
