package io.shopops.inventory;

import org.jspecify.annotations.Nullable;

/** A warehouse to open: a unique code, a name, the region it serves (华东, 华南, …) and its address. */
public record NewWarehouse(@Nullable String code, @Nullable String name, @Nullable String region,
        @Nullable String address) {
}
