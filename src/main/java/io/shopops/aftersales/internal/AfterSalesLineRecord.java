package io.shopops.aftersales.internal;

import io.shopops.catalog.SkuId;
import io.shopops.inventory.WarehouseId;
import io.shopops.shared.Money;

/** A request's line as stored. */
public record AfterSalesLineRecord(int lineNo, SkuId skuId, String skuCode, String title, WarehouseId warehouseId,
        int quantity, Money amount, int restocked, int damaged) {
}
