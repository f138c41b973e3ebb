package io.shopops.inventory;

import io.shopops.catalog.SkuId;
import io.shopops.catalog.StockState;
import org.jspecify.annotations.Nullable;

/** Filters of the stock list; every one is optional. The SKU code is matched exactly. */
public record StockQuery(@Nullable WarehouseId warehouseId, @Nullable SkuId skuId, @Nullable String skuCode,
        @Nullable StockState state) {

    public static StockQuery all() {
        return new StockQuery(null, null, null, null);
    }
}
