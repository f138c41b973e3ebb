package io.shopops.inventory;

import java.time.Instant;

import io.shopops.catalog.SkuId;
import org.jspecify.annotations.Nullable;

/** Filters of the ledger; every one is optional; {@code from} is inclusive, {@code to} exclusive. */
public record MovementQuery(@Nullable SkuId skuId, @Nullable String skuCode, @Nullable WarehouseId warehouseId,
        @Nullable MovementType type, @Nullable String reference, @Nullable Instant from, @Nullable Instant to) {

    public static MovementQuery all() {
        return new MovementQuery(null, null, null, null, null, null, null);
    }
}
