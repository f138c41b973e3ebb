package io.shopops.flashsale.internal;

import io.shopops.catalog.SkuId;
import io.shopops.flashsale.FlashSaleId;
import io.shopops.shared.Money;

/** A session's SKU as stored: its flash price, margin-floor flag, quota, per-customer limit and units taken. */
public record FlashItemRecord(FlashSaleId saleId, SkuId skuId, int position, Money flashPrice,
        boolean belowCostAllowed, int quota, int perCustomerLimit, int taken) {
}
