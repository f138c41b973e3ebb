package io.shopops.inventory;

import org.jspecify.annotations.Nullable;

/** New details of a warehouse, based on the version the editor read (409 if someone saved in between). */
public record WarehouseChange(@Nullable String name, @Nullable String region, @Nullable String address,
        long version) {
}
