package io.shopops.marketing.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.shopops.marketing.CouponKind;
import io.shopops.marketing.CouponTemplateId;
import io.shopops.marketing.CouponTemplateStatus;
import io.shopops.marketing.TargetScope;
import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/** A coupon template as stored. */
public record CouponTemplateRecord(CouponTemplateId id, String name, @Nullable String description,
        @Nullable String redeemCode, CouponKind kind, @Nullable Money amountOff, @Nullable BigDecimal percentOff,
        @Nullable Money maxDiscount, Money threshold, TargetScope scope, List<Long> targetIds,
        boolean stacksWithPromotions, boolean belowCostAllowed, boolean claimable, Instant issueFrom,
        Instant issueUntil, @Nullable Instant validFrom, @Nullable Instant validUntil, @Nullable Integer validDays,
        int totalQuantity, int issued, int perCustomerLimit, CouponTemplateStatus status,
        @Nullable String campaignCode, String createdBy, Instant createdAt, Instant updatedAt, long version) {

    public CouponTemplateRecord {
        targetIds = List.copyOf(targetIds);
    }

    /** Whether coupons may be claimed or issued at {@code now}. */
    public boolean issuingAt(Instant now) {
        return status == CouponTemplateStatus.ACTIVE && !now.isBefore(issueFrom) && now.isBefore(issueUntil);
    }

    /** The validity of a coupon issued at {@code issuedAt}: [from, until). */
    public Instant[] validity(Instant issuedAt) {
        if (validDays != null) {
            return new Instant[] { issuedAt, issuedAt.plus(Duration.ofDays(validDays)) };
        }
        Instant from = validFrom != null && validFrom.isAfter(issuedAt) ? validFrom : issuedAt;
        return new Instant[] { from, validUntil };
    }
}
