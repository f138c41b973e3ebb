package io.shopops.groupbuy;

import java.time.Instant;

import io.shopops.catalog.SkuId;
import io.shopops.shared.Money;

/** A bargain activity; {@code startPrice} is the SKU's sale price when it was last written. */
public record BargainActivityView(BargainActivityId id, String name, SkuId skuId, String skuCode, String title,
        Money startPrice, Money floorPrice, boolean belowCostAllowed, int maxHelpers, int deadlineHours, Money minCut,
        Money maxCut, Instant startsAt, Instant endsAt, ActivityStatus status, ActivityPhase phase, String createdBy,
        Instant createdAt, Instant updatedAt, long version) {
}
