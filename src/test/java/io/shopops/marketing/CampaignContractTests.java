package io.shopops.marketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.shopops.catalog.SkuId;
import io.shopops.inventory.WarehouseView;
import io.shopops.marketing.MarketingFixtures.Parameters;
import io.shopops.ordering.Attribution;
import io.shopops.ordering.Checkout;
import io.shopops.ordering.DiscountRule;
import io.shopops.ordering.NewOrder;
import io.shopops.ordering.OrderFixtures;
import io.shopops.ordering.OrderView;
import io.shopops.ordering.SalesChannel;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.Money;
import io.shopops.testing.PostgresTest;
import io.shopops.testing.ShopOpsTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Campaigns on H2 and on PostgreSQL, through the real checkout and payment: the report's figures against a basket
 * computed by hand (attributed orders by code and by the campaign's discounts, discount cost, spend, ROI, ROAS, the
 * channels, the increment over the hold-out group), the hold-out group kept out of the campaign's promotion and
 * coupons, and the spend ledger.
 */
class CampaignContractTests {

    abstract static class Contract {

        @Autowired
        Campaigns campaigns;
        @Autowired
        CampaignReports reports;
        @Autowired
        MarketingFixtures marketing;
        @Autowired
        OrderFixtures orders;
        @Autowired
        Checkout checkout;
        @Autowired
        io.shopops.ordering.Orders orderFacade;
        @Autowired
        Coupons coupons;
        @Autowired
        CustomerCoupons customerCoupons;

        static Money cny(String amount) {
            return Money.of(amount, Money.CNY);
        }

        static NewCampaign plan(String code, Instant now, List<OrderFixtures.Shopper> audience, int holdout) {
            return new NewCampaign(code, "双11 会员回流", "Bring back members with 10 % off the hero SKU",
                    CampaignMetric.GMV, new BigDecimal("1000"), now.plus(Duration.ofDays(1)),
                    "Members' repurchase fell 12 % in October", now.minus(Duration.ofMinutes(1)),
                    now.plus(Duration.ofDays(1)), 7, CampaignAudienceKind.CUSTOMERS,
                    audience.stream().map(s -> s.id().value()).toList(), null, holdout, "https://shop.example/d11",
                    List.of(new NewCampaign.Channel(CampaignChannelKind.KOL, "抖音 KOL", "kol", "video",
                                    new BigDecimal("500")),
                            new NewCampaign.Channel(CampaignChannelKind.SEARCH, "百度搜索", "search", "cpc",
                                    new BigDecimal("300"))));
        }

        /** Shoppers until each group of the code's split has at least {@code each}. */
        List<OrderFixtures.Shopper> audience(String code, int holdout, int each, List<OrderFixtures.Shopper> treatment,
                List<OrderFixtures.Shopper> held) {
            List<OrderFixtures.Shopper> all = new ArrayList<>();
            while (treatment.size() < each || held.size() < each) {
                OrderFixtures.Shopper s = orders.shopper();
                all.add(s);
                (Campaigns.heldOut(code, s.id().value(), holdout) ? held : treatment).add(s);
            }
            return all;
        }

        OrderView placeAndPay(OrderFixtures.Shopper shopper, Attribution attribution, List<String> couponCodes,
                SkuId sku, int quantity) {
            OrderView order = checkout.place(shopper.id(), OrderFixtures.key(), new NewOrder(
                    List.of(OrderFixtures.line(sku, quantity)), shopper.addressId(), SalesChannel.WEB, null,
                    attribution, null, couponCodes));
            orders.pay(shopper, order);
            // paid, and perhaps already allocated to a shipment
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> orderFacade.detail(order.id()).status().isPaid());
            return order;
        }

        static NewPromotion linked(NewPromotion p, String campaignCode) {
            return new NewPromotion(p.code(), p.name(), p.description(), p.kind(), p.startsAt(), p.endsAt(), p.scope(),
                    p.targetIds(), p.channels(), p.customerTiers(), p.segmentId(), p.percentOff(), p.amountOff(),
                    p.tiers(), p.buyQuantity(), p.freeQuantity(), p.giftSkuId(), p.threshold(), p.bundlePrice(),
                    p.stackable(), p.belowCostAllowed(), p.budget(), p.perCustomerLimit(), p.priority(), campaignCode);
        }

        @Test
        void reportsWhatTheCampaignEarnedAgainstAHandComputedLedger() {
            String code = MarketingFixtures.unique("CMP");
            Instant now = marketing.now();
            SkuId sku = orders.sku("100.00"); // cost 40.00
            WarehouseView warehouse = orders.warehouse("华东");
            orders.stock(sku, warehouse, 100);
            List<OrderFixtures.Shopper> treatment = new ArrayList<>();
            List<OrderFixtures.Shopper> held = new ArrayList<>();
            List<OrderFixtures.Shopper> members = audience(code, 50, 3, treatment, held);
            PromotionView promotion = marketing.live(linked(MarketingFixtures.draft(
                    PromotionKind.LIMITED_TIME_DISCOUNT, now, List.of(sku), Parameters.percentOff("10")), code));
            CampaignView draft = campaigns.create(plan(code, now, members, 50));
            assertThat(draft.treatmentSize()).isEqualTo(treatment.size());
            assertThat(draft.holdoutSize()).isEqualTo(held.size());
            assertThat(draft.budget()).isEqualTo(cny("800.00"));
            assertThat(draft.channels().getFirst().trackingLink())
                    .isEqualTo("https://shop.example/d11?utm_source=kol&utm_medium=video&utm_campaign=" + code);
            CampaignView launched = campaigns.launch(draft.id(), draft.version());
            assertThat(launched.status()).isEqualTo(CampaignStatus.RUNNING);

            // T1: 2 × 100 − 10 % = 180.00 by the KOL link (free shipping); T2: 90.00 + 10.00 shipping, no code;
            // H1 (held out): no discount, 100.00; an outsider with the code from search: 100.00, no discount
            OrderView t1 = placeAndPay(treatment.get(0), new Attribution("kol", "video", code, null), List.of(), sku, 2);
            OrderView t2 = placeAndPay(treatment.get(1), null, List.of(), sku, 1);
            OrderView h1 = placeAndPay(held.get(0), null, List.of(), sku, 1);
            OrderFixtures.Shopper outsider = orders.shopper();
            OrderView o1 = placeAndPay(outsider, new Attribution("search", "cpc", null, code), List.of(), sku, 1);
            assertThat(List.of(t1.total(), t2.total(), h1.total(), o1.total()))
                    .containsExactly(cny("180.00"), cny("100.00"), cny("100.00"), cny("100.00"));
            assertThat(h1.discountAmount()).isEqualTo(cny("0.00"));
            assertThat(checkout.preview(held.get(1).id(), new NewOrder(List.of(OrderFixtures.line(sku, 1)),
                    held.get(1).addressId(), SalesChannel.WEB, null, null, null, List.of())).notApplied())
                    .filteredOn(s -> s.code().equals(promotion.code())).extracting(DiscountRule.Skipped::reason)
                    .containsExactly("for the campaign's selected customers only");

            LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
            campaigns.recordSpend(launched.id(), 1, today, new BigDecimal("300.00"), "KOL fee");
            campaigns.recordSpend(launched.id(), 2, today, new BigDecimal("100.00"), null);
            campaigns.recordSpend(launched.id(), 2, today, new BigDecimal("-20.00"), "rebate from the platform");

            CampaignReport r = reports.report(launched.id());

            assertThat(r.orders()).isEqualTo(3);
            assertThat(r.buyers()).isEqualTo(3);
            assertThat(r.newBuyers()).isEqualTo(3);
            assertThat(r.gmv()).isEqualTo(cny("380.00"));
            assertThat(r.aov()).isEqualTo(cny("126.67"));
            assertThat(r.discountCost()).isEqualTo(cny("30.00"));
            assertThat(r.goodsPaid()).isEqualTo(cny("370.00"));
            assertThat(r.goodsCost()).isEqualTo(cny("160.00"));
            // margin before the campaign's discounts: 370 − 160 + 30
            assertThat(r.grossMargin()).isEqualTo(cny("240.00"));
            assertThat(r.spend()).isEqualTo(cny("380.00"));
            // (240 − 380 − 30) / (380 + 30); 380 / 380
            assertThat(r.roi()).isEqualByComparingTo("-0.4146");
            assertThat(r.roas()).isEqualByComparingTo("1.0000");
            assertThat(r.reach()).isEqualTo(treatment.size());
            assertThat(r.channels()).extracting(CampaignReport.ChannelFigures::utmSource,
                    CampaignReport.ChannelFigures::orders, CampaignReport.ChannelFigures::gmv,
                    CampaignReport.ChannelFigures::spend)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("kol", 1L, cny("180.00"), cny("300.00")),
                            org.assertj.core.groups.Tuple.tuple("search", 1L, cny("100.00"), cny("80.00")),
                            org.assertj.core.groups.Tuple.tuple(null, 1L, cny("100.00"), cny("0.00")));
            assertThat(r.channels().get(1).roas()).isEqualByComparingTo("1.2500");
            assertThat(r.links()).filteredOn(l -> l.kind().equals("promotion")).singleElement()
                    .satisfies(l -> {
                        assertThat(l.orders()).isEqualTo(2);
                        assertThat(l.discount()).isEqualTo(cny("30.00"));
                    });
            assertThat(r.progress().actual()).isEqualByComparingTo("380.00");
            assertThat(r.progress().share()).isCloseTo(0.38, within(1e-9));
            assertThat(r.progress().state()).isEqualTo(CampaignReport.Progress.State.ON_TRACK);
            assertThat(r.days()).singleElement().satisfies(d -> {
                assertThat(d.orders()).isEqualTo(3);
                assertThat(d.gmv()).isEqualTo(cny("380.00"));
                assertThat(d.spend()).isEqualTo(cny("380.00"));
            });

            // treatment: 180 + 100 over nT members; hold-out: 100 over nH; the increment is scaled to the treatment
            CampaignReport.Incremental inc = r.incremental();
            long nT = treatment.size();
            long nH = held.size();
            assertThat(inc.treatmentMembers()).isEqualTo(nT);
            assertThat(inc.holdoutMembers()).isEqualTo(nH);
            assertThat(inc.treatmentBuyers()).isEqualTo(2);
            assertThat(inc.holdoutBuyers()).isEqualTo(1);
            double expected = (280.0 / nT - 100.0 / nH) * nT;
            assertThat(inc.incrementalGmv().amount().doubleValue()).isCloseTo(expected, within(0.005));
            assertThat(inc.incrementalGmvInterval().low().doubleValue()).isLessThan(expected);
            assertThat(inc.incrementalGmvInterval().high().doubleValue()).isGreaterThan(expected);
            assertThat(inc.pValue()).isBetween(0.0, 1.0);
            // margin per member before the campaign's discounts: T1 100 + 20, T2 50 + 10, H1 60
            double margin = (180.0 / nT - 60.0 / nH) * nT;
            assertThat(inc.incrementalMargin().amount().doubleValue()).isCloseTo(margin, within(0.005));
            assertThat(inc.roi().doubleValue()).isCloseTo((margin - 380 - 30) / 410, within(0.0001));
            assertThat(inc.roas().doubleValue()).isCloseTo(expected / 380, within(0.0001));
        }

        @Test
        void theCampaignsCouponsGoToItsTreatmentGroupOnly() {
            String code = MarketingFixtures.unique("CMP");
            Instant now = marketing.now();
            SkuId sku = orders.sku("100.00");
            List<OrderFixtures.Shopper> treatment = new ArrayList<>();
            List<OrderFixtures.Shopper> held = new ArrayList<>();
            List<OrderFixtures.Shopper> members = audience(code, 30, 2, treatment, held);
            NewCouponTemplate plain = MarketingFixtures.fixedCoupon(now, "20", "0", List.of(sku), 7);
            CouponTemplateView template = marketing.active(new NewCouponTemplate(plain.name(), plain.description(),
                    plain.redeemCode(), plain.kind(), plain.amountOff(), plain.percentOff(), plain.maxDiscount(),
                    plain.threshold(), plain.scope(), plain.targetIds(), plain.stacksWithPromotions(),
                    plain.belowCostAllowed(), plain.claimable(), plain.issueFrom(), plain.issueUntil(),
                    plain.validFrom(), plain.validUntil(), plain.validDays(), 100, 1, code));
            CampaignView draft = campaigns.create(plan(code, now, members, 30));
            assertThatThrownBy(() -> campaigns.issueCoupons(draft.id(), template.id()))
                    .isInstanceOf(BusinessRuleException.class).hasMessageContaining("launched");
            CampaignView launched = campaigns.launch(draft.id(), draft.version());

            Coupons.IssueResult issued = campaigns.issueCoupons(launched.id(), template.id());

            assertThat(issued.requested()).isEqualTo(treatment.size());
            assertThat(issued.issued()).isEqualTo(treatment.size());
            for (OrderFixtures.Shopper s : held) {
                assertThat(customerCoupons.mine(s.id())).isEmpty();
                assertThatThrownBy(() -> customerCoupons.claim(s.id(), template.id()))
                        .isInstanceOf(BusinessRuleException.class)
                        .satisfies(e -> assertThat(((BusinessRuleException) e).code())
                                .isEqualTo("not-in-campaign-audience"));
            }
            for (OrderFixtures.Shopper s : treatment) {
                assertThat(customerCoupons.mine(s.id())).singleElement()
                        .satisfies(c -> assertThat(c.templateId()).isEqualTo(template.id()));
            }
            assertThat(reports.report(launched.id()).links()).filteredOn(l -> l.kind().equals("coupon"))
                    .extracting(CampaignReport.LinkFigures::id).containsExactly(template.id().value());
        }

        @Test
        void spendIsALedgerOfEntriesThatNeverTakesAChannelBelowZero() {
            String code = MarketingFixtures.unique("CMP");
            Instant now = marketing.now();
            OrderFixtures.Shopper someone = orders.shopper();
            NewCampaign open = new NewCampaign(code, "Open campaign", "Everyone the search ads reach",
                    CampaignMetric.ORDERS, new BigDecimal("50"), now.plus(Duration.ofDays(2)), "Launch of a new line",
                    now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(2)), 0, null, null, null, null, null,
                    List.of(new NewCampaign.Channel(CampaignChannelKind.SEARCH, "Search", "search", null,
                            new BigDecimal("100"))));
            CampaignView draft = campaigns.create(open);
            LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
            assertThatThrownBy(() -> campaigns.recordSpend(draft.id(), 1, today, BigDecimal.TEN, null))
                    .isInstanceOf(BusinessRuleException.class);
            CampaignView launched = campaigns.launch(draft.id(), draft.version());
            campaigns.recordSpend(launched.id(), 1, today, new BigDecimal("120.00"), null);

            assertThatThrownBy(() -> campaigns.recordSpend(launched.id(), 1, today, new BigDecimal("-130.00"), "refund"))
                    .isInstanceOf(BusinessRuleException.class).hasMessageContaining("below zero");
            assertThatThrownBy(() -> campaigns.recordSpend(launched.id(), 1, today, new BigDecimal("-20.00"), null))
                    .isInstanceOf(io.shopops.shared.InvalidInputException.class).hasMessageContaining("note");
            assertThatThrownBy(() -> campaigns.recordSpend(launched.id(), 9, today.plusDays(1), BigDecimal.ZERO, null))
                    .isInstanceOfSatisfying(io.shopops.shared.InvalidInputException.class, e -> assertThat(
                            e.violations()).extracting(io.shopops.shared.FieldViolation::field)
                            .containsExactlyInAnyOrder("channelSeq", "spentOn", "amount"));
            campaigns.recordSpend(launched.id(), 1, today, new BigDecimal("-20.00"), "platform rebate");

            CampaignView after = campaigns.campaign(launched.id());
            assertThat(after.spent()).isEqualTo(cny("100.00"));
            assertThat(after.channels().getFirst().overBudget()).isFalse();
            assertThat(campaigns.spends(launched.id())).hasSize(2);
            CampaignReport r = reports.report(launched.id());
            assertThat(r.incremental()).isNull();
            assertThat(r.roas()).isEqualByComparingTo("0");
            assertThat(r.progress().baseline()).isNotNull();
            assertThat(someone).isNotNull();
        }
    }

    @Nested
    @ShopOpsTest
    @Import(MarketingTestConfiguration.class)
    class OnH2 extends Contract {
    }

    @Nested
    @PostgresTest
    @Import(MarketingTestConfiguration.class)
    class OnPostgres extends Contract {
    }
}
