package io.shopops.marketing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A coupon template (券模板) as an operator defines it.
 *
 * @param redeemCode         a shared code customers may type at checkout (claimed on use), e.g. WELCOME20; null =
 *                           only claimed or issued coupons, each with its own code
 * @param amountOff          FIXED_AMOUNT: the amount off
 * @param percentOff         PERCENT: the percentage off (0–100, exclusive), with {@code maxDiscount} as its cap
 * @param threshold          the covered goods must reach it (使用門檻); 0 = none
 * @param stacksWithPromotions whether it applies to items a promotion already took something off (default yes)
 * @param claimable          whether customers may claim it themselves in the store (領券中心; default no)
 * @param issueFrom          from when it may be claimed or issued
 * @param validUntil         absolute validity: coupons are valid from issue (or {@code validFrom}) to this time
 * @param validDays          relative validity: coupons are valid for this many days after their issue; exactly one
 *                           of {@code validUntil} and {@code validDays}
 * @param totalQuantity      how many may ever be issued
 * @param perCustomerLimit   how many one customer may hold (claimed or issued)
 */
public record NewCouponTemplate(@Nullable String name, @Nullable String description, @Nullable String redeemCode,
        @Nullable CouponKind kind, @Nullable BigDecimal amountOff, @Nullable BigDecimal percentOff,
        @Nullable BigDecimal maxDiscount, @Nullable BigDecimal threshold, @Nullable TargetScope scope,
        @Nullable List<Long> targetIds, @Nullable Boolean stacksWithPromotions, @Nullable Boolean belowCostAllowed,
        @Nullable Boolean claimable,
        @Nullable Instant issueFrom, @Nullable Instant issueUntil, @Nullable Instant validFrom,
        @Nullable Instant validUntil, @Nullable Integer validDays, @Nullable Integer totalQuantity,
        @Nullable Integer perCustomerLimit, @Nullable String campaignCode) {
}
