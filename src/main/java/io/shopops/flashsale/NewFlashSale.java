package io.shopops.flashsale;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.shopops.catalog.SkuId;
import org.jspecify.annotations.Nullable;

/**
 * A session as staff describe it, to create a draft or to replace a draft's settings and items. Everything is
 * checked by {@link FlashSales}, each refusal naming its field ({@code items[2].flashPrice}).
 *
 * @param name              1 to 100 characters
 * @param startsAt          when attempts start to be accepted
 * @param endsAt            after {@code startsAt} and in the future; at most {@value FlashSales#MAX_DAYS} days after it
 * @param payWindowMinutes  how long an accepted customer has to place the order, and then to pay it:
 *                          {@value FlashSales#MIN_PAY_WINDOW} to {@value FlashSales#MAX_PAY_WINDOW} minutes,
 *                          {@value FlashSales#DEFAULT_PAY_WINDOW} when not given
 * @param items             1 to {@value FlashSales#MAX_ITEMS} SKUs, each at most once
 */
public record NewFlashSale(@Nullable String name, @Nullable Instant startsAt, @Nullable Instant endsAt,
        @Nullable Integer payWindowMinutes, @Nullable List<Item> items) {

    /**
     * One SKU of the session.
     *
     * @param flashPrice       above zero and below the SKU's sale price; below its cost price only with
     *                         {@code belowCostAllowed} (the margin floor)
     * @param quota            units for the session: 1 to 1,000,000
     * @param perCustomerLimit units one customer may get: 1 to the quota (and at most 999); 1 when not given
     * @param belowCostAllowed whether the flash price may be below the SKU's cost price; false when not given
     */
    public record Item(@Nullable SkuId skuId, @Nullable BigDecimal flashPrice, @Nullable Long quota,
            @Nullable Integer perCustomerLimit, @Nullable Boolean belowCostAllowed) {
    }
}
