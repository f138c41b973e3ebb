package io.shopops.aftersales;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies an after-sales request; serialised as its bare number. */
public record AfterSalesId(@JsonValue long value) {

    @JsonCreator
    public static AfterSalesId of(long value) {
        return new AfterSalesId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
