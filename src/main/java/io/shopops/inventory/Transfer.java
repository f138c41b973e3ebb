package io.shopops.inventory;

import io.shopops.catalog.SkuId;
import org.jspecify.annotations.Nullable;

/** Available units moved from one warehouse to another (调拨), both legs in one transaction. */
public record Transfer(@Nullable SkuId skuId, @Nullable WarehouseId fromWarehouseId,
        @Nullable WarehouseId toWarehouseId, int quantity, @Nullable String reference, @Nullable String reason) {
}
