package io.shopops.marketing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.shopops.ordering.SalesChannel;
import org.jspecify.annotations.Nullable;

/**
 * A promotion as an operator defines it. Which parameters count depends on the kind: {@code percentOff} or
 * {@code amountOff} (per unit) for a limited-time discount; {@code tiers} for a full reduction; {@code buyQuantity}
 * and {@code freeQuantity} for buy X get Y; {@code giftSkuId} and {@code threshold} for a gift; {@code bundlePrice}
 * (scope SKUS) for a bundle.
 *
 * @param channels          the sales channels it applies to; empty = all
 * @param customerTiers     membership tiers it is limited to (once the customer module has tiers); empty = all
 * @param stackable         whether it applies to items something was already taken off (default yes; no = only to
 *                          items at their full price: 不與其他優惠同享)
 * @param belowCostAllowed  whether it may take items below their cost price (the margin floor; default no)
 * @param budget            the most it may give away in total (discount cost); null = no cap
 * @param perCustomerLimit  how many orders of one customer it may discount; null = no limit
 */
public record NewPromotion(@Nullable String code, @Nullable String name, @Nullable String description,
        @Nullable PromotionKind kind, @Nullable Instant startsAt, @Nullable Instant endsAt,
        @Nullable TargetScope scope, @Nullable List<Long> targetIds, @Nullable Set<SalesChannel> channels,
        @Nullable Set<String> customerTiers, @Nullable Long segmentId, @Nullable BigDecimal percentOff,
        @Nullable BigDecimal amountOff, @Nullable List<Tier> tiers, @Nullable Integer buyQuantity,
        @Nullable Integer freeQuantity, @Nullable Long giftSkuId, @Nullable BigDecimal threshold,
        @Nullable BigDecimal bundlePrice, @Nullable Boolean stackable, @Nullable Boolean belowCostAllowed,
        @Nullable BigDecimal budget, @Nullable Integer perCustomerLimit, @Nullable Integer priority,
        @Nullable String campaignCode) {

    /** A full-reduction tier: from {@code threshold} on, {@code amountOff} off (滿 threshold 減 amountOff). */
    public record Tier(@Nullable BigDecimal threshold, @Nullable BigDecimal amountOff) {
    }
}
