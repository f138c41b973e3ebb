package io.shopops.demo.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.shopops.catalog.CategoryView;
import io.shopops.marketing.CouponKind;
import io.shopops.marketing.CouponTemplateView;
import io.shopops.marketing.Coupons;
import io.shopops.marketing.NewCouponTemplate;
import io.shopops.marketing.NewPromotion;
import io.shopops.marketing.PromotionKind;
import io.shopops.marketing.PromotionView;
import io.shopops.marketing.Promotions;
import io.shopops.marketing.TargetScope;

import org.springframework.stereotype.Component;

/**
 * The demo shop's marketing as an operations team would have it running today: a tiered full reduction over the
 * whole shop with a budget, a limited-time discount on one department, buy two get one on another, a claimable
 * new-customer coupon with a shared code, and a draft for the next campaign to try the dry run on. Created through
 * the marketing facades, so every rule is validated and audited like an operator's.
 */
@Component
public class MarketingGenerator {

    private final Promotions promotions;
    private final Coupons coupons;

    MarketingGenerator(Promotions promotions, Coupons coupons) {
        this.promotions = promotions;
        this.coupons = coupons;
    }

    /** @param departments top-level categories to target, at least two */
    public int generate(Instant now, List<CategoryView> departments) {
        Instant start = now.minus(Duration.ofDays(2));
        publish(promotion("DEMO-MJ", "店铺满减 满300减30 满500减60", PromotionKind.FULL_REDUCTION, start,
                now.plus(Duration.ofDays(28)), TargetScope.ALL, List.of(), null,
                List.of(new NewPromotion.Tier(new BigDecimal("300"), new BigDecimal("30")),
                        new NewPromotion.Tier(new BigDecimal("500"), new BigDecimal("60"))), null, null,
                new BigDecimal("200000")));
        publish(promotion("DEMO-SALE", departments.getFirst().name() + " 限时8折", PromotionKind.LIMITED_TIME_DISCOUNT,
                start, now.plus(Duration.ofDays(5)), TargetScope.CATEGORIES, List.of(departments.getFirst().id().value()),
                new BigDecimal("20"), null, null, null, null));
        publish(promotion("DEMO-B2G1", departments.get(1).name() + " 买二送一", PromotionKind.BUY_X_GET_Y, start,
                now.plus(Duration.ofDays(10)), TargetScope.CATEGORIES, List.of(departments.get(1).id().value()), null,
                null, 2, 1, null));
        promotions.create(promotion("DEMO-D12", "双12 预热 满200减25", PromotionKind.FULL_REDUCTION,
                now.plus(Duration.ofDays(14)), now.plus(Duration.ofDays(17)), TargetScope.ALL, List.of(), null,
                List.of(new NewPromotion.Tier(new BigDecimal("200"), new BigDecimal("25"))), null, null, null));
        CouponTemplateView welcome = coupons.create(new NewCouponTemplate("新人券 满99减10", "新用户专享", "WELCOME10",
                CouponKind.FIXED_AMOUNT, new BigDecimal("10"), null, null, new BigDecimal("99"), TargetScope.ALL,
                List.of(), true, false, true, start, now.plus(Duration.ofDays(60)), null, null, 7, 10_000, 1,
                null));
        coupons.activate(welcome.id(), welcome.version());
        CouponTemplateView vip = coupons.create(new NewCouponTemplate("会员折扣券 9折 最高减50", null, null,
                CouponKind.PERCENT, null, new BigDecimal("10"), new BigDecimal("50"), new BigDecimal("200"),
                TargetScope.ALL, List.of(), false, false, true, start, now.plus(Duration.ofDays(30)), null,
                now.plus(Duration.ofDays(45)), null, 2_000, 2, null));
        coupons.activate(vip.id(), vip.version());
        return 6;
    }

    private void publish(NewPromotion promotion) {
        PromotionView draft = promotions.create(promotion);
        promotions.publish(draft.id(), draft.version());
    }

    private static NewPromotion promotion(String code, String name, PromotionKind kind, Instant from, Instant to,
            TargetScope scope, List<Long> targets, BigDecimal percentOff, List<NewPromotion.Tier> tiers,
            Integer buy, Integer free, BigDecimal budget) {
        return new NewPromotion(code, name, null, kind, from, to, scope, targets, null, null, null, percentOff, null,
                tiers, buy, free, null, null, null, true, false, budget, null, 0, null);
    }
}
