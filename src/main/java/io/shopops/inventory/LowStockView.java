package io.shopops.inventory;

import io.shopops.catalog.SkuId;

/** A SKU whose available stock over all warehouses is at or below its safety stock; shortfall = safety − available. */
public record LowStockView(SkuId skuId, String skuCode, String productTitle, String spec, long onHand,
        long reserved, long available, int safetyStock, long shortfall) {
}
