package io.shopops.flashsale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a flash sale session (場次); serialised as its bare number. */
public record FlashSaleId(@JsonValue long value) {

    @JsonCreator
    public static FlashSaleId of(long value) {
        return new FlashSaleId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
