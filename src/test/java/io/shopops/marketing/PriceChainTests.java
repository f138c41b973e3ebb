package io.shopops.marketing;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import io.shopops.catalog.SkuId;
import io.shopops.inventory.WarehouseView;
import io.shopops.ordering.AppliedRule;
import io.shopops.ordering.Checkout;
import io.shopops.ordering.DiscountRule;
import io.shopops.ordering.NewOrder;
import io.shopops.ordering.OrderFixtures;
import io.shopops.ordering.OrderView;
import io.shopops.ordering.Orders;
import io.shopops.ordering.PricedOrder;
import io.shopops.ordering.SalesChannel;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.Money;
import io.shopops.testing.ShopOpsTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static io.shopops.marketing.MarketingFixtures.Parameters;
import static io.shopops.marketing.MarketingFixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The price chain with real promotions and coupons, on baskets computed by hand: limited-time discount → full
 * reduction → coupon, each shared out over the lines to the cent, the margin floor, budgets, limits and coupons
 * returned when an order is cancelled.
 */
@ShopOpsTest
@Import(MarketingTestConfiguration.class)
class PriceChainTests {

    @Autowired
    MarketingFixtures marketing;
    @Autowired
    OrderFixtures orders;
    @Autowired
    Checkout checkout;
    @Autowired
    Orders orderFacade;
    @Autowired
    Promotions promotions;
    @Autowired
    Coupons coupons;
    @Autowired
    CustomerCoupons customerCoupons;

    static Money cny(String amount) {
        return Money.of(amount, Money.CNY);
    }

    static NewOrder order(OrderFixtures.Shopper shopper, List<String> coupons, NewOrder.Line... lines) {
        return new NewOrder(List.of(lines), shopper.addressId(), SalesChannel.WEB, null, null, null, coupons);
    }

    @Test
    void limitedTimeThenFullReductionThenCouponAreSharedOverTheLinesToTheCent() {
        SkuId a = orders.sku("100.00");
        SkuId b = orders.sku("150.00");
        WarehouseView warehouse = orders.warehouse("华东");
        orders.stock(a, warehouse, 10);
        orders.stock(b, warehouse, 10);
        marketing.live(draft(PromotionKind.LIMITED_TIME_DISCOUNT, marketing.now(), List.of(a),
                Parameters.percentOff("20")));
        marketing.live(draft(PromotionKind.FULL_REDUCTION, marketing.now(), List.of(a, b),
                Parameters.tiers("200", "20", "400", "50")));
        CouponTemplateView template = marketing.active(MarketingFixtures.fixedCoupon(marketing.now(), "30", "250",
                List.of(a, b), 7));
        OrderFixtures.Shopper shopper = orders.shopper();
        CouponView coupon = customerCoupons.claim(shopper.id(), template.id());

        // 2 × 100 + 150 = 350; A −20% = 40 → A 160, B 150; 滿200減20 over 310: A 10.32, B 9.68 → 149.68 / 140.32;
        // coupon 30 over 290: A 15.48, B 14.52 → A 134.20, B 125.80; 260.00, free shipping
        OrderView placed = checkout.place(shopper.id(), OrderFixtures.key(), order(shopper, List.of(coupon.code()),
                OrderFixtures.line(a, 2), OrderFixtures.line(b, 1)));

        assertThat(placed.itemsAmount()).isEqualTo(cny("350.00"));
        assertThat(placed.discountAmount()).isEqualTo(cny("90.00"));
        assertThat(placed.total()).isEqualTo(cny("260.00"));
        assertThat(placed.lines()).extracting(OrderView.Line::discount).containsExactly(cny("65.80"), cny("24.20"));
        assertThat(placed.lines()).extracting(OrderView.Line::payable).containsExactly(cny("134.20"), cny("125.80"));
        assertThat(placed.priceRules()).extracting(AppliedRule::amount)
                .containsExactly(cny("40.00"), cny("20.00"), cny("30.00"), cny("0.00"));
        assertThat(customerCoupons.mine(shopper.id())).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(CouponStatus.USED);
            assertThat(c.orderId()).isEqualTo(placed.id());
            assertThat(c.discount()).isEqualTo(cny("30.00"));
        });
    }

    @Test
    void explainsWhatARuleNeedsWhenItGivesNothingYet() {
        SkuId a = orders.sku("80.00");
        PromotionView reduction = marketing.live(draft(PromotionKind.FULL_REDUCTION, marketing.now(), List.of(a),
                Parameters.tiers("200", "20")));
        OrderFixtures.Shopper shopper = orders.shopper();

        PricedOrder priced = checkout.preview(shopper.id(), order(shopper, List.of(), OrderFixtures.line(a, 2)));

        assertThat(priced.discountAmount()).isEqualTo(cny("0.00"));
        assertThat(priced.notApplied()).filteredOn(s -> s.code().equals(reduction.code()))
                .extracting(DiscountRule.Skipped::reason).containsExactly("add 40.00 more for 20.00 off");
    }

    @Test
    void neverSellsBelowCostUnlessThePromotionAllowsIt() {
        SkuId guarded = orders.sku("100.00"); // cost 40.00
        SkuId clearance = orders.sku("100.00");
        marketing.live(draft(PromotionKind.LIMITED_TIME_DISCOUNT, marketing.now(), List.of(guarded),
                Parameters.percentOff("70")));
        marketing.live(draft(PromotionKind.LIMITED_TIME_DISCOUNT, marketing.now(), List.of(clearance),
                Parameters.percentOff("70").belowCost()));
        OrderFixtures.Shopper shopper = orders.shopper();

        PricedOrder priced = checkout.preview(shopper.id(), order(shopper, List.of(), OrderFixtures.line(guarded, 1),
                OrderFixtures.line(clearance, 1)));

        assertThat(priced.lines()).extracting(PricedOrder.Line::payable).containsExactly(cny("40.00"), cny("30.00"));
    }

    @Test
    void buyTwoGetOneFreeGivesTheCheapestUnitAway() {
        SkuId dear = orders.sku("90.00");
        SkuId cheap = orders.sku("30.00");
        marketing.live(draft(PromotionKind.BUY_X_GET_Y, marketing.now(), List.of(dear, cheap),
                Parameters.buyGet(2, 1).belowCost()));
        OrderFixtures.Shopper shopper = orders.shopper();

        PricedOrder priced = checkout.preview(shopper.id(), order(shopper, List.of(), OrderFixtures.line(dear, 2),
                OrderFixtures.line(cheap, 1)));

        assertThat(priced.lines()).extracting(PricedOrder.Line::discount).containsExactly(cny("0.00"), cny("30.00"));
    }

    @Test
    void aBundleCostsItsSetPricePerCompleteSet() {
        SkuId top = orders.sku("60.00");
        SkuId skirt = orders.sku("90.00");
        marketing.live(draft(PromotionKind.BUNDLE_PRICE, marketing.now(), List.of(top, skirt),
                Parameters.bundle("120.00")));
        OrderFixtures.Shopper shopper = orders.shopper();

        // two tops, one skirt: one complete set (150 → 120), the second top at its price
        PricedOrder priced = checkout.preview(shopper.id(), order(shopper, List.of(), OrderFixtures.line(top, 2),
                OrderFixtures.line(skirt, 1)));

        assertThat(priced.discountAmount()).isEqualTo(cny("30.00"));
        assertThat(priced.total()).isEqualTo(cny("180.00"));
    }

    @Test
    void theGiftInTheCartIsFreeOnceTheThresholdIsReached() {
        SkuId goods = orders.sku("100.00");
        SkuId gift = orders.sku("25.00");
        PromotionView promotion = marketing.live(draft(PromotionKind.GIFT, marketing.now(), List.of(goods),
                Parameters.gift(gift, "200")));
        OrderFixtures.Shopper shopper = orders.shopper();

        PricedOrder below = checkout.preview(shopper.id(), order(shopper, List.of(), OrderFixtures.line(goods, 1),
                OrderFixtures.line(gift, 1)));
        PricedOrder reached = checkout.preview(shopper.id(), order(shopper, List.of(), OrderFixtures.line(goods, 2),
                OrderFixtures.line(gift, 1)));

        assertThat(below.discountAmount()).isEqualTo(cny("0.00"));
        assertThat(below.notApplied()).filteredOn(s -> s.code().equals(promotion.code()))
                .extracting(DiscountRule.Skipped::reason).containsExactly("add 100.00 more to get the gift");
        assertThat(reached.lines()).extracting(PricedOrder.Line::payable).containsExactly(cny("200.00"), cny("0.00"));
    }

    @Test
    void anExclusivePromotionLeavesItemsAlreadyDiscountedAlone() {
        SkuId a = orders.sku("100.00");
        marketing.live(draft(PromotionKind.LIMITED_TIME_DISCOUNT, marketing.now(), List.of(a),
                Parameters.amountOff("10")));
        marketing.live(draft(PromotionKind.FULL_REDUCTION, marketing.now(), List.of(a),
                Parameters.tiers("50", "5").exclusive()));
        OrderFixtures.Shopper shopper = orders.shopper();

        PricedOrder priced = checkout.preview(shopper.id(), order(shopper, List.of(), OrderFixtures.line(a, 1)));

        assertThat(priced.discountAmount()).isEqualTo(cny("10.00"));
    }

    @Test
    void aBudgetGivesTheLastOrderWhatIsLeftThenTheRuleEnds() {
        SkuId a = orders.sku("100.00");
        WarehouseView warehouse = orders.warehouse("华东");
        orders.stock(a, warehouse, 10);
        PromotionView promotion = marketing.live(draft(PromotionKind.LIMITED_TIME_DISCOUNT, marketing.now(),
                List.of(a), Parameters.amountOff("10").budget("15.00")));
        OrderFixtures.Shopper shopper = orders.shopper();

        OrderView first = orders.place(shopper, OrderFixtures.line(a, 1));
        OrderView second = orders.place(shopper, OrderFixtures.line(a, 1));
        OrderView third = orders.place(shopper, OrderFixtures.line(a, 1));

        assertThat(List.of(first, second, third)).extracting(OrderView::discountAmount)
                .containsExactly(cny("10.00"), cny("5.00"), cny("0.00"));
        assertThat(promotions.promotion(promotion.id())).satisfies(p -> {
            assertThat(p.spent()).isEqualTo(cny("15.00"));
            assertThat(p.status()).isEqualTo(PromotionStatus.ENDED);
            assertThat(p.orders()).isEqualTo(2);
        });
    }

    @Test
    void aPerCustomerLimitCountsOrdersAndACancelledOrderGivesItsUseBack() {
        SkuId a = orders.sku("100.00");
        WarehouseView warehouse = orders.warehouse("华东");
        orders.stock(a, warehouse, 10);
        marketing.live(draft(PromotionKind.LIMITED_TIME_DISCOUNT, marketing.now(), List.of(a),
                Parameters.amountOff("10").perCustomer(1).budget("1000")));
        OrderFixtures.Shopper shopper = orders.shopper();

        OrderView first = orders.place(shopper, OrderFixtures.line(a, 1));
        OrderView second = orders.place(shopper, OrderFixtures.line(a, 1));
        orderFacade.cancel(shopper.id(), first.id(), "changed my mind");
        await().atMost(Duration.ofSeconds(20)).until(() -> orders.place(shopper, OrderFixtures.line(a, 1))
                .discountAmount().equals(cny("10.00")));

        assertThat(first.discountAmount()).isEqualTo(cny("10.00"));
        assertThat(second.discountAmount()).isEqualTo(cny("0.00"));
    }

    @Test
    void aCouponIsUsedOnceAndReturnedWhenItsOrderIsCancelled() {
        SkuId a = orders.sku("100.00");
        WarehouseView warehouse = orders.warehouse("华东");
        orders.stock(a, warehouse, 10);
        CouponTemplateView template = marketing.active(MarketingFixtures.fixedCoupon(marketing.now(), "20", "100",
                List.of(a), 7));
        OrderFixtures.Shopper shopper = orders.shopper();
        CouponView coupon = customerCoupons.claim(shopper.id(), template.id());

        OrderView used = checkout.place(shopper.id(), OrderFixtures.key(), order(shopper, List.of(coupon.code()),
                OrderFixtures.line(a, 1)));
        assertThatThrownBy(() -> checkout.place(shopper.id(), OrderFixtures.key(), order(shopper,
                List.of(coupon.code()), OrderFixtures.line(a, 1))))
                .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                    assertThat(e.code()).isEqualTo("coupon-not-applicable");
                    assertThat(e.violations().getFirst().field()).isEqualTo("couponCodes[0]");
                    assertThat(e.getMessage()).contains("already used");
                });
        orderFacade.cancel(shopper.id(), used.id(), "wrong size");

        await().atMost(Duration.ofSeconds(20)).until(() -> customerCoupons.mine(shopper.id()).getFirst().status()
                == CouponStatus.AVAILABLE);
        assertThat(used.total()).isEqualTo(cny("90.00")); // 100 − 20 + 10 shipping (80 < 99)
        assertThat(coupons.template(template.id()).stats()).satisfies(s -> {
            assertThat(s.issued()).isEqualTo(1);
            assertThat(s.used()).isZero();
            assertThat(s.available()).isEqualTo(1);
        });
    }

    @Test
    void aSharedCodeIsClaimedWhenTheOrderIsPlacedWithinTheCustomersLimit() {
        SkuId a = orders.sku("100.00");
        WarehouseView warehouse = orders.warehouse("华东");
        orders.stock(a, warehouse, 10);
        NewCouponTemplate base = MarketingFixtures.fixedCoupon(marketing.now(), "15", "0", List.of(a), 7);
        String code = MarketingFixtures.unique("WELCOME");
        marketing.active(new NewCouponTemplate(base.name(), null, code, base.kind(), base.amountOff(), null, null,
                BigDecimal.ZERO, base.scope(), base.targetIds(), true, false, false, base.issueFrom(),
                base.issueUntil(), null, null, 7, 100, 1, null));
        OrderFixtures.Shopper shopper = orders.shopper();

        OrderView first = checkout.place(shopper.id(), OrderFixtures.key(), order(shopper, List.of(code),
                OrderFixtures.line(a, 1)));

        assertThat(first.discountAmount()).isEqualTo(cny("15.00"));
        assertThatThrownBy(() -> checkout.place(shopper.id(), OrderFixtures.key(), order(shopper, List.of(code),
                OrderFixtures.line(a, 1)))).hasMessageContaining("already claimed the most per customer");
    }

    @Test
    void publishingASecondPromotionOfTheSameKindOnTheSameItemsIsRefused() {
        SkuId a = orders.sku("100.00");
        marketing.live(draft(PromotionKind.LIMITED_TIME_DISCOUNT, marketing.now(), List.of(a),
                Parameters.percentOff("10")));
        PromotionView second = promotions.create(draft(PromotionKind.LIMITED_TIME_DISCOUNT, marketing.now(),
                List.of(a), Parameters.percentOff("15")));
        PromotionView stacking = promotions.create(draft(PromotionKind.FULL_REDUCTION, marketing.now(), List.of(a),
                Parameters.tiers("100", "5")));

        assertThatThrownBy(() -> promotions.publish(second.id(), second.version()))
                .isInstanceOfSatisfying(BusinessRuleException.class,
                        e -> assertThat(e.code()).isEqualTo("promotion-conflict"));
        assertThat(promotions.conflicts(stacking.id())).singleElement()
                .satisfies(c -> assertThat(c.blocking()).isFalse());
    }

    @Test
    void aDryRunAppliesADraftToTheRecentBasketsWithoutChangingAnything() {
        SkuId a = orders.sku("100.00"); // cost 40.00
        WarehouseView warehouse = orders.warehouse("华东");
        orders.stock(a, warehouse, 10);
        OrderFixtures.Shopper shopper = orders.shopper();
        orders.place(shopper, OrderFixtures.line(a, 2));
        orders.place(shopper, OrderFixtures.line(a, 1));
        PromotionView draft = promotions.create(draft(PromotionKind.LIMITED_TIME_DISCOUNT, marketing.now(),
                List.of(a), Parameters.percentOff("10")));

        DryRun run = promotions.dryRun(draft.id(), 7);

        assertThat(run.ordersTouched()).isEqualTo(2);
        assertThat(run.discountCost()).isEqualTo(cny("30.00"));
        assertThat(run.grossMarginBefore().minus(run.grossMarginAfter())).isEqualTo(cny("30.00"));
        assertThat(promotions.promotion(draft.id()).status()).isEqualTo(PromotionStatus.DRAFT);
    }
}
