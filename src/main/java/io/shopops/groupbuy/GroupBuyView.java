package io.shopops.groupbuy;

import java.time.Instant;

import io.shopops.catalog.SkuId;
import io.shopops.shared.Money;

/** A group-buy activity; {@code phase} is where it stands by the clock now. */
public record GroupBuyView(GroupBuyId id, String name, SkuId skuId, String skuCode, String title, Money groupPrice,
        boolean belowCostAllowed, int groupSize, int timeLimitHours, int perCustomerLimit, Instant startsAt,
        Instant endsAt, ActivityStatus status, ActivityPhase phase, String createdBy, Instant createdAt,
        Instant updatedAt, long version) {
}
