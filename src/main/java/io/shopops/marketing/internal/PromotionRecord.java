package io.shopops.marketing.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.shopops.marketing.PromotionId;
import io.shopops.marketing.PromotionKind;
import io.shopops.marketing.PromotionStatus;
import io.shopops.marketing.TargetScope;
import io.shopops.ordering.SalesChannel;
import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A promotion as stored. {@code status} is DRAFT, SCHEDULED or STOPPED; {@link #statusAt} tells what it is at a
 * moment (a scheduled promotion is running within its window and ended after it or once its budget is spent).
 */
public record PromotionRecord(PromotionId id, String code, String name, @Nullable String description,
        PromotionKind kind, PromotionStatus status, Instant startsAt, Instant endsAt, TargetScope scope,
        List<Long> targetIds, Set<SalesChannel> channels, Set<String> customerTiers, @Nullable Long segmentId,
        @Nullable BigDecimal percentOff, @Nullable Money amountOff, List<Tier> tiers, @Nullable Integer buyQuantity,
        @Nullable Integer freeQuantity, @Nullable Long giftSkuId, @Nullable Money threshold,
        @Nullable Money bundlePrice, boolean stackable, boolean belowCostAllowed, @Nullable Money budget, Money spent,
        @Nullable Integer perCustomerLimit, int priority, @Nullable String campaignCode,
        @Nullable String stoppedReason, String createdBy, Instant createdAt, Instant updatedAt, long version) {

    public PromotionRecord {
        targetIds = List.copyOf(targetIds);
        channels = Set.copyOf(channels);
        customerTiers = Set.copyOf(customerTiers);
        tiers = List.copyOf(tiers);
    }

    public record Tier(Money threshold, Money amountOff) {
    }

    public PromotionStatus statusAt(Instant now) {
        if (status != PromotionStatus.SCHEDULED) {
            return status;
        }
        if (now.isBefore(startsAt)) {
            return PromotionStatus.SCHEDULED;
        }
        return now.isBefore(endsAt) && !budgetSpent() ? PromotionStatus.RUNNING : PromotionStatus.ENDED;
    }

    public boolean budgetSpent() {
        return budget != null && spent.compareTo(budget) >= 0;
    }

    public Money currencyZero() {
        return Money.zero(spent.currency());
    }
}
