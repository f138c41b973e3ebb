package io.shopops.inventory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Identifies a warehouse; serialised as its bare number. */
public record WarehouseId(@JsonValue long value) {

    @JsonCreator
    public static WarehouseId of(long value) {
        return new WarehouseId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
