package io.shopops.demo.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

import io.shopops.catalog.CategoryView;
import io.shopops.demo.internal.CustomerGenerator.DemoCustomer;
import io.shopops.marketing.CampaignAudienceKind;
import io.shopops.marketing.CampaignChannelKind;
import io.shopops.marketing.CampaignMetric;
import io.shopops.marketing.CampaignView;
import io.shopops.marketing.Campaigns;
import io.shopops.marketing.CouponKind;
import io.shopops.marketing.CouponTemplateView;
import io.shopops.marketing.Coupons;
import io.shopops.marketing.NewCampaign;
import io.shopops.marketing.NewCouponTemplate;
import io.shopops.marketing.NewPromotion;
import io.shopops.marketing.PromotionKind;
import io.shopops.marketing.PromotionView;
import io.shopops.marketing.Promotions;
import io.shopops.marketing.TargetScope;
import io.shopops.shared.ShopProperties;

import org.springframework.stereotype.Component;

/**
 * The demo shop's marketing as an operations team would have it running today: a tiered full reduction over the
 * whole shop with a budget, a limited-time discount on one department, buy two get one on another, a claimable
 * new-customer coupon with a shared code, and a draft for the next campaign to try the dry run on; two campaigns: the
 * member day running on five channels (its code is the {@code utm_campaign} the order history carries) with a week
 * of spend, and a VIP recall for the most active customers with a 10 % hold-out and its coupon issued to the
 * treatment group. Created through the marketing facades, so every rule is validated and audited like an operator's.
 */
@Component
public class MarketingGenerator {

    static final String MEMBER_DAY = "member-day";
    static final String VIP_RECALL = "VIP-RECALL";
    static final int VIP_AUDIENCE = 600;

    private final Promotions promotions;
    private final Coupons coupons;
    private final Campaigns campaigns;
    private final ShopProperties shop;

    MarketingGenerator(Promotions promotions, Coupons coupons, Campaigns campaigns, ShopProperties shop) {
        this.promotions = promotions;
        this.coupons = coupons;
        this.campaigns = campaigns;
        this.shop = shop;
    }

    /**
     * @param departments top-level categories to target, at least two
     * @param customers   the demo's customers (the VIP recall's audience is the most active of them)
     */
    public int generate(Instant now, List<CategoryView> departments, List<DemoCustomer> customers) {
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
                now.plus(Duration.ofDays(45)), null, 2_000, 2, VIP_RECALL));
        coupons.activate(vip.id(), vip.version());
        memberDay(now, shop.zone());
        if (customers.size() >= 20) {
            vipRecall(now, customers, vip);
        }
        return 6;
    }

    private void memberDay(Instant now, ZoneId zone) {
        Instant start = now.minus(Duration.ofDays(6));
        Instant end = now.plus(Duration.ofDays(8));
        List<NewCampaign.Channel> channels = List.of(
                channel(CampaignChannelKind.SOCIAL, "微信朋友圈", "wechat", "social", "20000"),
                channel(CampaignChannelKind.SEARCH, "百度搜索", "baidu", "cpc", "15000"),
                channel(CampaignChannelKind.KOL, "抖音达人", "douyin", "kol", "30000"),
                channel(CampaignChannelKind.KOL, "小红书种草", "xiaohongshu", "kol", "10000"),
                channel(CampaignChannelKind.SMS_EMAIL, "会员邮件", "edm", "email", "2000"));
        CampaignView draft = campaigns.create(new NewCampaign(MEMBER_DAY, "会员日 全渠道拉新",
                "全渠道投放，把新客带到会员日主会场", CampaignMetric.GMV, new BigDecimal("300000"), end,
                "会员日是每月拉新的主要节点；上月新客占比下降", start, end, 7, CampaignAudienceKind.EVERYONE, null, null,
                null, "https://shop.example/member-day", channels));
        CampaignView launched = campaigns.launch(draft.id(), draft.version());
        LocalDate today = LocalDate.ofInstant(now, zone);
        int[] daily = { 1800, 1200, 2600, 700, 150 };
        for (LocalDate day = LocalDate.ofInstant(start, zone); !day.isAfter(today); day = day.plusDays(1)) {
            for (int c = 0; c < channels.size(); c++) {
                // a little different every day, the same for every seed
                int amount = daily[c] + (day.getDayOfMonth() * 37 + c * 53) % 400;
                campaigns.recordSpend(launched.id(), c + 1, day, new BigDecimal(amount), null);
            }
        }
    }

    private void vipRecall(Instant now, List<DemoCustomer> customers, CouponTemplateView vip) {
        List<Long> audience = customers.stream().sorted(Comparator.comparingDouble(DemoCustomer::activity).reversed()
                .thenComparing(c -> c.id().value())).limit(VIP_AUDIENCE).map(c -> c.id().value()).toList();
        Instant start = now.minus(Duration.ofDays(2));
        Instant end = now.plus(Duration.ofDays(12));
        CampaignView draft = campaigns.create(new NewCampaign(VIP_RECALL, "高活跃会员 召回券",
                "给最活跃的会员发 9 折券，召回复购", CampaignMetric.INCREMENTAL_GMV, new BigDecimal("20000"), end,
                "高活跃会员的复购间隔变长；对照组衡量券带来的增量", start, end, 7, CampaignAudienceKind.CUSTOMERS,
                audience, null, 10, null, List.of(channel(CampaignChannelKind.SMS_EMAIL, "短信", "sms", "crm",
                        "3000"))));
        CampaignView launched = campaigns.launch(draft.id(), draft.version());
        campaigns.recordSpend(launched.id(), 1, LocalDate.ofInstant(start, shop.zone()),
                new BigDecimal("540.00"), "短信 0.9 元/条 × 600");
        campaigns.issueCoupons(launched.id(), vip.id());
    }

    private static NewCampaign.Channel channel(CampaignChannelKind kind, String name, String source, String medium,
            String budget) {
        return new NewCampaign.Channel(kind, name, source, medium, new BigDecimal(budget));
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
