package io.shopops.groupbuy;

import java.math.BigDecimal;
import java.time.Instant;

import io.shopops.catalog.SkuId;
import org.jspecify.annotations.Nullable;

/**
 * A bargain activity as staff write it: one SKU, cut from its sale price towards {@code floorPrice} (above zero,
 * below the sale price; below the SKU's cost only with {@code belowCostAllowed}) by at most {@code maxHelpers}
 * helpers (1 to 500), each cutting a random amount between {@code minCut} and {@code maxCut} (0.01 up to the whole
 * room between the sale price and the floor); a bargain must be bought within {@code deadlineHours} (1 to 72) of
 * being started; bargains may be started between {@code startsAt} and {@code endsAt}.
 */
public record BargainActivityDraft(@Nullable String name, @Nullable SkuId skuId, @Nullable BigDecimal floorPrice,
        @Nullable Boolean belowCostAllowed, @Nullable Integer maxHelpers, @Nullable Integer deadlineHours,
        @Nullable BigDecimal minCut, @Nullable BigDecimal maxCut, @Nullable Instant startsAt,
        @Nullable Instant endsAt) {
}
