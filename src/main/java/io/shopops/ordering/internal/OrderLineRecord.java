package io.shopops.ordering.internal;

import io.shopops.catalog.ProductId;
import io.shopops.catalog.SkuId;
import io.shopops.inventory.WarehouseId;
import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/** An order line as stored: one SKU from one warehouse, its prices, its share of the discounts, its cost. */
public record OrderLineRecord(int lineNo, SkuId skuId, String skuCode, ProductId productId, String title,
        @Nullable String spec, int quantity, Money unitPrice, Money discount, Money payable, Money costPrice,
        WarehouseId warehouseId, Money refundedAmount, int returnedQuantity) {
}
