package io.shopops.inventory;

import io.shopops.catalog.SkuId;

/** The stock of one SKU in one warehouse. */
public record StockLevel(SkuId skuId, WarehouseId warehouseId, long onHand, long reserved) {

    public static StockLevel none(SkuId skuId, WarehouseId warehouseId) {
        return new StockLevel(skuId, warehouseId, 0, 0);
    }

    public long available() {
        return onHand - reserved;
    }
}
