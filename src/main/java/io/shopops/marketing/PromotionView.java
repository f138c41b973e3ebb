package io.shopops.marketing;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.shopops.ordering.SalesChannel;
import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/** A promotion as the console and the API show it, with what it has given away so far. */
public record PromotionView(PromotionId id, String code, String name, @Nullable String description,
        PromotionKind kind, PromotionStatus status, Instant startsAt, Instant endsAt, TargetScope scope,
        List<Long> targetIds, Set<SalesChannel> channels, Set<String> customerTiers, @Nullable Long segmentId,
        java.math.@Nullable BigDecimal percentOff, @Nullable Money amountOff, List<TierView> tiers,
        @Nullable Integer buyQuantity, @Nullable Integer freeQuantity, @Nullable Long giftSkuId,
        @Nullable Money threshold, @Nullable Money bundlePrice, boolean stackable, boolean belowCostAllowed,
        @Nullable Money budget, Money spent, @Nullable Integer perCustomerLimit, int priority,
        @Nullable String campaignCode, long orders, @Nullable String stoppedReason, String createdBy,
        Instant createdAt, Instant updatedAt, long version) {

    public record TierView(Money threshold, Money amountOff) {
    }
}
