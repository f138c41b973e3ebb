package io.shopops.groupbuy.internal;

import java.time.Instant;

import io.shopops.catalog.SkuId;
import io.shopops.groupbuy.ActivityStatus;
import io.shopops.groupbuy.BargainActivityId;
import io.shopops.shared.Money;

/** A bargain activity's row as stored. */
public record BargainActivityRecord(BargainActivityId id, String name, SkuId skuId, String skuCode, String title,
        Money startPrice, Money floorPrice, boolean belowCostAllowed, int maxHelpers, int deadlineHours, Money minCut,
        Money maxCut, Instant startsAt, Instant endsAt, ActivityStatus status, String createdBy, Instant createdAt,
        Instant updatedAt, long version) {
}
