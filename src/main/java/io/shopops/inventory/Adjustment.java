package io.shopops.inventory;

import io.shopops.catalog.SkuId;
import org.jspecify.annotations.Nullable;

/**
 * A correction of the on-hand quantity with a reason: either by a delta (damaged goods: −3), or to the
 * quantity counted on the shelf (盘点), when exactly {@code countedQuantity} is given. Never below what is
 * reserved.
 */
public record Adjustment(@Nullable SkuId skuId, @Nullable WarehouseId warehouseId, @Nullable Integer delta,
        @Nullable Integer countedQuantity, @Nullable String reason, @Nullable String reference) {

    public static Adjustment byDelta(SkuId skuId, WarehouseId warehouseId, int delta, String reason) {
        return new Adjustment(skuId, warehouseId, delta, null, reason, null);
    }

    public static Adjustment toCounted(SkuId skuId, WarehouseId warehouseId, int counted, String reason) {
        return new Adjustment(skuId, warehouseId, null, counted, reason, null);
    }
}
