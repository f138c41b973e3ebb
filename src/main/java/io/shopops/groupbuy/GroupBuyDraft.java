package io.shopops.groupbuy;

import java.math.BigDecimal;
import java.time.Instant;

import io.shopops.catalog.SkuId;
import org.jspecify.annotations.Nullable;

/**
 * A group-buy activity as staff write it: one SKU sold at {@code groupPrice} (above zero, below the SKU's sale
 * price; below its cost only with {@code belowCostAllowed}) to groups of {@code groupSize} (2 to 100) customers who
 * must all pay within {@code timeLimitHours} (1 to 72) of the group being opened; a customer may hold
 * {@code perCustomerLimit} places at once (1 to 100, default 1); groups may be opened between {@code startsAt} and
 * {@code endsAt}. Everything is nullable so that a missing field is refused by name.
 */
public record GroupBuyDraft(@Nullable String name, @Nullable SkuId skuId, @Nullable BigDecimal groupPrice,
        @Nullable Boolean belowCostAllowed, @Nullable Integer groupSize, @Nullable Integer timeLimitHours,
        @Nullable Integer perCustomerLimit, @Nullable Instant startsAt, @Nullable Instant endsAt) {
}
