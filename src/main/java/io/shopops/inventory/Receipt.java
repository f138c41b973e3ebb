package io.shopops.inventory;

import io.shopops.catalog.SkuId;
import org.jspecify.annotations.Nullable;

/** Units arriving in a warehouse (入库), for example from a purchase order named by the reference. */
public record Receipt(@Nullable SkuId skuId, @Nullable WarehouseId warehouseId, int quantity,
        @Nullable String reference, @Nullable String reason) {
}
