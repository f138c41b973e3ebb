package io.shopops.inventory;

import io.shopops.catalog.SkuId;
import org.jspecify.annotations.Nullable;

/** Units a customer sent back that go back into stock (退货入库); the reference names the order or return. */
public record StockReturn(@Nullable SkuId skuId, @Nullable WarehouseId warehouseId, int quantity,
        @Nullable String reference, @Nullable String reason) {
}
