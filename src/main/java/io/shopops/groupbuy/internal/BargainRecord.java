package io.shopops.groupbuy.internal;

import java.time.Instant;

import io.shopops.catalog.SkuId;
import io.shopops.customer.CustomerId;
import io.shopops.groupbuy.BargainActivityId;
import io.shopops.groupbuy.BargainId;
import io.shopops.groupbuy.BargainStatus;
import io.shopops.ordering.OrderId;
import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/** A bargain's row as stored. */
public record BargainRecord(BargainId id, BargainActivityId activityId, CustomerId customerId, SkuId skuId,
        Money startPrice, Money floorPrice, Money currentPrice, boolean belowCostAllowed, Money minCut, Money maxCut,
        int maxHelpers, int helpers, Money lastCut, String seed, BargainStatus status, Instant startedAt,
        Instant deadline, @Nullable Instant purchasedAt, @Nullable Money purchasedPrice, @Nullable OrderId orderId,
        @Nullable String orderNumber, @Nullable Instant endedAt, long version) {
}
