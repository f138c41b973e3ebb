package io.shopops.inventory;

import io.shopops.catalog.SkuId;

/** The safety stock of a SKU over all warehouses (0 when none is set): at or below it the SKU is low on stock. */
public record SafetyStock(SkuId skuId, int quantity) {
}
