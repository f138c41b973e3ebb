package io.shopops.marketing;

import java.time.Instant;
import java.util.List;

import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A coupon template and what became of its coupons: issued (claimed or given), used (by orders not cancelled),
 * available, expired unused, void, and the cost (the discounts of the used ones).
 */
public record CouponTemplateView(CouponTemplateId id, String name, @Nullable String description,
        @Nullable String redeemCode, CouponKind kind, @Nullable Money amountOff, java.math.@Nullable BigDecimal percentOff,
        @Nullable Money maxDiscount, Money threshold, TargetScope scope, List<Long> targetIds,
        boolean stacksWithPromotions, boolean belowCostAllowed, boolean claimable, Instant issueFrom,
        Instant issueUntil, @Nullable Instant validFrom, @Nullable Instant validUntil, @Nullable Integer validDays,
        int totalQuantity, int perCustomerLimit, CouponTemplateStatus status, @Nullable String campaignCode,
        Stats stats, String createdBy, Instant createdAt, Instant updatedAt, long version) {

    public record Stats(long issued, long claimed, long used, long available, long expired, long voided, Money cost,
            double useRate) {
    }
}
