package io.shopops.marketing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.shopops.catalog.SkuId;

/** Promotions and coupon templates as an operator would define them, published at once, on the tests' own SKUs. */
public class MarketingFixtures {

    private final Promotions promotions;
    private final Coupons coupons;
    private final Clock clock;

    MarketingFixtures(Promotions promotions, Coupons coupons, Clock clock) {
        this.promotions = promotions;
        this.coupons = coupons;
        this.clock = clock;
    }

    public static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36).toUpperCase();
    }

    public Instant now() {
        return clock.instant();
    }

    /** A draft of the kind on the SKUs, running from a minute ago for a day; the caller sets the kind's fields. */
    public static NewPromotion draft(PromotionKind kind, Instant now, List<SkuId> skus, Parameters p) {
        return new NewPromotion(unique("P"), kind + " test", null, kind, now.minus(Duration.ofMinutes(1)),
                now.plus(Duration.ofDays(1)), TargetScope.SKUS, skus.stream().map(SkuId::value).toList(), null, null,
                null, p.percentOff, p.amountOff, p.tiers, p.buy, p.free, p.giftSkuId, p.threshold, p.bundlePrice,
                p.stackable, p.belowCostAllowed, p.budget, p.perCustomerLimit, p.priority, null);
    }

    /** The kind-specific fields of a promotion, set one by one. */
    public static final class Parameters {
        BigDecimal percentOff;
        BigDecimal amountOff;
        List<NewPromotion.Tier> tiers;
        Integer buy;
        Integer free;
        Long giftSkuId;
        BigDecimal threshold;
        BigDecimal bundlePrice;
        boolean stackable = true;
        boolean belowCostAllowed;
        BigDecimal budget;
        Integer perCustomerLimit;
        int priority;

        public static Parameters percentOff(String percent) {
            Parameters p = new Parameters();
            p.percentOff = new BigDecimal(percent);
            return p;
        }

        public static Parameters amountOff(String amount) {
            Parameters p = new Parameters();
            p.amountOff = new BigDecimal(amount);
            return p;
        }

        public static Parameters tiers(String... thresholdThenOff) {
            Parameters p = new Parameters();
            p.tiers = new java.util.ArrayList<>();
            for (int i = 0; i < thresholdThenOff.length; i += 2) {
                p.tiers.add(new NewPromotion.Tier(new BigDecimal(thresholdThenOff[i]),
                        new BigDecimal(thresholdThenOff[i + 1])));
            }
            return p;
        }

        public static Parameters buyGet(int buy, int free) {
            Parameters p = new Parameters();
            p.buy = buy;
            p.free = free;
            return p;
        }

        public static Parameters gift(SkuId gift, String threshold) {
            Parameters p = new Parameters();
            p.giftSkuId = gift.value();
            p.threshold = new BigDecimal(threshold);
            return p;
        }

        public static Parameters bundle(String price) {
            Parameters p = new Parameters();
            p.bundlePrice = new BigDecimal(price);
            return p;
        }

        public Parameters belowCost() {
            belowCostAllowed = true;
            return this;
        }

        public Parameters exclusive() {
            stackable = false;
            return this;
        }

        public Parameters budget(String amount) {
            budget = amount == null ? null : new BigDecimal(amount);
            return this;
        }

        public Parameters perCustomer(Integer limit) {
            perCustomerLimit = limit;
            return this;
        }
    }

    /** Creates and publishes, as a marketing operator. */
    public PromotionView live(NewPromotion promotion) {
        PromotionView draft = promotions.create(promotion);
        return promotions.publish(draft.id(), draft.version());
    }

    public static NewCouponTemplate fixedCoupon(Instant now, String amountOff, String threshold, List<SkuId> skus,
            Integer validDays) {
        return new NewCouponTemplate(unique("券"), null, null, CouponKind.FIXED_AMOUNT, new BigDecimal(amountOff), null,
                null, new BigDecimal(threshold), TargetScope.SKUS, skus.stream().map(SkuId::value).toList(), true,
                false, true, now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(7)), null, null, validDays,
                100, 1, null);
    }

    public CouponTemplateView active(NewCouponTemplate template) {
        CouponTemplateView draft = coupons.create(template);
        return coupons.activate(draft.id(), draft.version());
    }
}
