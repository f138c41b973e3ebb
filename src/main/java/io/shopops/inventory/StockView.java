package io.shopops.inventory;

import io.shopops.catalog.SkuId;
import io.shopops.catalog.StockState;

/**
 * A stock row as lists show it: the SKU named from the catalog, the warehouse, the quantities and the state
 * of this row (OUT_OF_STOCK at 0 available, LOW_STOCK at or below the SKU's safety stock).
 */
public record StockView(SkuId skuId, String skuCode, String productTitle, String spec, WarehouseId warehouseId,
        String warehouseCode, String warehouseName, long onHand, long reserved, long available, int safetyStock,
        StockState state) {
}
