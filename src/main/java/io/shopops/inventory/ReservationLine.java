package io.shopops.inventory;

import io.shopops.catalog.SkuId;
import org.jspecify.annotations.Nullable;

/** Units of one SKU held in one warehouse. */
public record ReservationLine(@Nullable SkuId skuId, @Nullable WarehouseId warehouseId, int quantity) {
}
