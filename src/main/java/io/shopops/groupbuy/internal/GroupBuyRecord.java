package io.shopops.groupbuy.internal;

import java.time.Instant;

import io.shopops.catalog.SkuId;
import io.shopops.groupbuy.ActivityStatus;
import io.shopops.groupbuy.GroupBuyId;
import io.shopops.shared.Money;

/** A group-buy activity's row as stored. */
public record GroupBuyRecord(GroupBuyId id, String name, SkuId skuId, String skuCode, String title, Money groupPrice,
        boolean belowCostAllowed, int groupSize, int timeLimitHours, int perCustomerLimit, Instant startsAt,
        Instant endsAt, ActivityStatus status, String createdBy, Instant createdAt, Instant updatedAt, long version) {
}
