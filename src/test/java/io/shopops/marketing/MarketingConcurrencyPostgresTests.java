package io.shopops.marketing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.shopops.catalog.SkuId;
import io.shopops.inventory.WarehouseView;
import io.shopops.ordering.Checkout;
import io.shopops.ordering.NewOrder;
import io.shopops.ordering.OrderFixtures;
import io.shopops.ordering.OrderView;
import io.shopops.ordering.Race;
import io.shopops.ordering.SalesChannel;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.Money;
import io.shopops.testing.PostgresTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.shopops.marketing.MarketingFixtures.Parameters;
import static io.shopops.marketing.MarketingFixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What marketing spends is held by the database however many checkouts race, on PostgreSQL with real threads
 * released at once: one coupon, one order; a budget never passed; a template never issuing above its total.
 */
@PostgresTest
@Import(MarketingTestConfiguration.class)
class MarketingConcurrencyPostgresTests {

    @Autowired
    MarketingFixtures marketing;
    @Autowired
    OrderFixtures orders;
    @Autowired
    Checkout checkout;
    @Autowired
    CustomerCoupons customerCoupons;
    @Autowired
    Promotions promotions;
    @Autowired
    JdbcClient jdbc;

    @Test
    void tenCheckoutsRacingWithOneCouponPlaceOneOrderWithIt() throws Exception {
        SkuId sku = orders.sku("100.00");
        WarehouseView warehouse = orders.warehouse("华东");
        orders.stock(sku, warehouse, 50);
        CouponTemplateView template = marketing.active(MarketingFixtures.fixedCoupon(marketing.now(), "20", "0",
                List.of(sku), 7));
        OrderFixtures.Shopper shopper = orders.shopper();
        CouponView coupon = customerCoupons.claim(shopper.id(), template.id());
        NewOrder order = new NewOrder(List.of(OrderFixtures.line(sku, 1)), shopper.addressId(), SalesChannel.WEB,
                null, null, null, List.of(coupon.code()));

        List<Object> answers = Race.run(10, java.util.stream.IntStream.range(0, 10).<Callable<Object>>mapToObj(i -> () -> {
            try {
                return checkout.place(shopper.id(), OrderFixtures.key(), order);
            } catch (BusinessRuleException refused) {
                return refused.code();
            }
        }).toList());

        assertThat(answers).filteredOn(OrderView.class::isInstance).hasSize(1);
        assertThat(answers).filteredOn(String.class::isInstance)
                .allMatch(code -> code.equals("coupon-unavailable") || code.equals("coupon-not-applicable"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM coupon WHERE id = :id AND status = 'USED'")
                .param("id", coupon.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void twentyRacingOrdersNeverSpendMoreThanTheBudget() throws Exception {
        SkuId sku = orders.sku("100.00");
        WarehouseView warehouse = orders.warehouse("华东");
        orders.stock(sku, warehouse, 100);
        PromotionView promotion = marketing.live(draft(PromotionKind.LIMITED_TIME_DISCOUNT, marketing.now(),
                List.of(sku), Parameters.amountOff("10").budget("55.00")));
        List<OrderFixtures.Shopper> shoppers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            shoppers.add(orders.shopper());
        }

        List<Object> answers = Race.run(20, shoppers.stream().<Callable<Object>>map(s -> () -> {
            for (int attempt = 0; attempt < 5; attempt++) {
                try {
                    return orders.place(s, OrderFixtures.line(sku, 1));
                } catch (BusinessRuleException refused) {
                    if (!refused.code().equals("promotion-budget-spent")) {
                        return refused.code();
                    }
                }
            }
            return "gave up";
        }).toList());

        List<OrderView> placed = answers.stream().filter(OrderView.class::isInstance).map(OrderView.class::cast)
                .toList();
        Money given = placed.stream().map(OrderView::discountAmount).reduce(Money.zero(Money.CNY), Money::plus);
        assertThat(placed).hasSize(20);
        assertThat(given).isEqualTo(Money.of("55.00", Money.CNY));
        assertThat(promotions.promotion(promotion.id()).spent()).isEqualTo(Money.of("55.00", Money.CNY));
    }

    @Test
    void thirtyCustomersClaimingAFiveCouponTemplateGetFive() throws Exception {
        SkuId sku = orders.sku("100.00");
        NewCouponTemplate base = MarketingFixtures.fixedCoupon(marketing.now(), "5", "0", List.of(sku), 7);
        CouponTemplateView template = marketing.active(new NewCouponTemplate(base.name(), null, null, base.kind(),
                base.amountOff(), null, null, base.threshold(), base.scope(), base.targetIds(), true, false, true,
                base.issueFrom(), base.issueUntil(), null, null, 7, 5, 1, null));
        List<OrderFixtures.Shopper> shoppers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            shoppers.add(orders.shopper());
        }

        List<Object> answers = Race.run(30, shoppers.stream().<Callable<Object>>map(s -> () -> {
            try {
                return customerCoupons.claim(s.id(), template.id());
            } catch (BusinessRuleException refused) {
                return refused.code();
            }
        }).toList());

        assertThat(answers).filteredOn(CouponView.class::isInstance).hasSize(5);
        assertThat(answers).filteredOn(String.class::isInstance).containsOnly("coupon-sold-out");
    }
}
