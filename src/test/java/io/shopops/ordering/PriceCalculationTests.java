package io.shopops.ordering;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.shopops.catalog.CategoryId;
import io.shopops.catalog.ProductId;
import io.shopops.catalog.ProductStatus;
import io.shopops.catalog.SkuId;
import io.shopops.catalog.SkuRef;
import io.shopops.ordering.internal.OrderingProperties;
import io.shopops.ordering.internal.Proration;
import io.shopops.ordering.internal.StandardPriceCalculator;
import io.shopops.shared.Money;
import io.shopops.shared.ShopProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The standard price calculation: sale prices, discounts shared out to the cent, the shipping fee rule. */
class PriceCalculationTests {

    static final ShopProperties SHOP = new ShopProperties("Test", Money.CNY, ZoneId.of("Asia/Shanghai"), Locale.CHINA);
    static final OrderingProperties SETTINGS = new OrderingProperties(new BigDecimal("99.00"), new BigDecimal("10.00"),
            "single-warehouse-first", Duration.ofMinutes(30), Duration.ofMinutes(15), Duration.ofDays(3),
            Duration.ofDays(7), 100, Duration.ofMinutes(1), Duration.ofHours(1));

    static Money cny(String amount) {
        return Money.of(amount, Money.CNY);
    }

    static SkuRef sku(long id, String price) {
        return new SkuRef(new SkuId(id), "SKU-" + id, new ProductId(id), new CategoryId(1), null, "SPU-" + id, "商品 " + id, List.of(),
                cny(price), cny("1.00"), ProductStatus.ON_SHELF, true);
    }

    static PricingRequest request(PricingRequest.Item... items) {
        return new PricingRequest(SalesChannel.WEB, null, List.of(items));
    }

    static StandardPriceCalculator calculator(DiscountRule... rules) {
        return new StandardPriceCalculator(List.of(rules), SETTINGS, SHOP);
    }

    @Test
    void chargesTheSalePriceTimesTheQuantityPlusTheShippingFeeBelowTheThreshold() {
        PricedOrder priced = calculator().price(request(new PricingRequest.Item(sku(1, "19.90"), 2),
                new PricingRequest.Item(sku(2, "5.05"), 3)));

        assertThat(priced.lines()).extracting(PricedOrder.Line::payable).containsExactly(cny("39.80"), cny("15.15"));
        assertThat(priced.itemsAmount()).isEqualTo(cny("54.95"));
        assertThat(priced.shippingFee()).isEqualTo(cny("10.00"));
        assertThat(priced.total()).isEqualTo(cny("64.95"));
        assertThat(priced.rules()).singleElement().satisfies(rule -> {
            assertThat(rule.kind()).isEqualTo(AppliedRule.Kind.SHIPPING);
            assertThat(rule.code()).isEqualTo("shipping-fee");
            assertThat(rule.amount()).isEqualTo(cny("10.00"));
        });
    }

    @Test
    void shipsFreeFromExactlyTheThresholdButNotOneCentBelow() {
        PricedOrder atThreshold = calculator().price(request(new PricingRequest.Item(sku(1, "99.00"), 1)));
        PricedOrder below = calculator().price(request(new PricingRequest.Item(sku(1, "98.99"), 1)));

        assertThat(atThreshold.shippingFee()).isEqualTo(cny("0.00"));
        assertThat(atThreshold.total()).isEqualTo(cny("99.00"));
        assertThat(atThreshold.rules()).extracting(AppliedRule::code).containsExactly("free-shipping");
        assertThat(below.total()).isEqualTo(cny("108.99"));
    }

    @Test
    void sharesAnOrderDiscountOverTheLinesInProportionWithoutLosingACent() {
        DiscountRule tenOff = (request, payable) -> DiscountRule.Evaluation.of(new DiscountRule.Discount("full-reduction", "满100减10", cny("10.00"), Set.of()));
        PricedOrder priced = calculator(tenOff).price(request(new PricingRequest.Item(sku(1, "33.33"), 1),
                new PricingRequest.Item(sku(2, "33.33"), 1), new PricingRequest.Item(sku(3, "33.34"), 1)));

        assertThat(priced.discountAmount()).isEqualTo(cny("10.00"));
        assertThat(priced.lines()).extracting(PricedOrder.Line::discount)
                .containsExactly(cny("3.33"), cny("3.33"), cny("3.34"));
        assertThat(priced.rules()).extracting(AppliedRule::code).containsExactly("full-reduction", "shipping-fee");
        // 100.00 − 10.00 = 90.00 of goods is below the threshold: the discount counts
        assertThat(priced.total()).isEqualTo(cny("100.00"));
    }

    @Test
    void capsADiscountAtWhatItsLinesStillCostAndLeavesTheOtherLinesAlone() {
        DiscountRule tooMuch = (request, payable) -> DiscountRule.Evaluation.of(
                new DiscountRule.Discount("coupon", "券", cny("50.00"), Set.of(1), null, true));
        PricedOrder priced = calculator(tooMuch).price(request(new PricingRequest.Item(sku(1, "80.00"), 1),
                new PricingRequest.Item(sku(2, "12.50"), 2)));

        assertThat(priced.lines()).extracting(PricedOrder.Line::discount).containsExactly(cny("0.00"), cny("25.00"));
        assertThat(priced.lines()).extracting(PricedOrder.Line::payable).containsExactly(cny("80.00"), cny("0.00"));
        assertThat(priced.rules().getFirst().amount()).isEqualTo(cny("25.00"));
    }

    @Test
    void neverTakesALineBelowItsCostUnlessTheDiscountAllowsIt() {
        // cost 1.00 a unit: 25.00 of goods may lose at most 23.00
        DiscountRule tooMuch = (request, payable) -> DiscountRule.Evaluation.of(
                new DiscountRule.Discount("coupon", "券", cny("50.00"), Set.of(1)));
        PricedOrder priced = calculator(tooMuch).price(request(new PricingRequest.Item(sku(1, "80.00"), 1),
                new PricingRequest.Item(sku(2, "12.50"), 2)));

        assertThat(priced.lines()).extracting(PricedOrder.Line::payable).containsExactly(cny("80.00"), cny("2.00"));
        assertThat(priced.rules().getFirst().amount()).isEqualTo(cny("23.00"));
        assertThat(priced.rules().getFirst().label()).contains("capped at 23.00");
    }

    @Test
    void aLineAtItsFloorPassesItsShareToTheOtherLines() {
        // line 0 costs 9.00 of its 10.00: it can lose 1.00; the rest of 6.00 goes to line 1
        DiscountRule sixOff = (request, payable) -> DiscountRule.Evaluation.of(
                new DiscountRule.Discount("mj", "满减", cny("6.00"), Set.of()));
        SkuRef thin = new SkuRef(new SkuId(7), "SKU-7", new ProductId(7), new CategoryId(1), null, "SPU-7", "薄利",
                List.of(), cny("10.00"), cny("9.00"), ProductStatus.ON_SHELF, true);
        PricedOrder priced = calculator(sixOff).price(request(new PricingRequest.Item(thin, 1),
                new PricingRequest.Item(sku(2, "10.00"), 1)));

        assertThat(priced.lines()).extracting(PricedOrder.Line::discount).containsExactly(cny("1.00"), cny("5.00"));
        assertThat(priced.discountAmount()).isEqualTo(cny("6.00"));
    }

    @Test
    void runsTheStagesInChainOrderWhateverOrderTheRulesCameIn() {
        List<String> ran = new java.util.ArrayList<>();
        DiscountRule coupon = rule(DiscountRule.Stage.COUPON, ran);
        DiscountRule member = rule(DiscountRule.Stage.MEMBER_PRICE, ran);
        DiscountRule reduction = rule(DiscountRule.Stage.FULL_REDUCTION, ran);
        calculator(coupon, reduction, member).price(request(new PricingRequest.Item(sku(1, "10.00"), 1)));

        assertThat(ran).containsExactly("MEMBER_PRICE", "FULL_REDUCTION", "COUPON");
    }

    private static DiscountRule rule(DiscountRule.Stage stage, List<String> ran) {
        return new DiscountRule() {
            @Override
            public Stage stage() {
                return stage;
            }

            @Override
            public Evaluation apply(PricingRequest request, List<Money> payable) {
                ran.add(stage.name());
                return Evaluation.none();
            }
        };
    }

    @Test
    void explainsTheRulesThatGaveNothingOnlyWhenAsked() {
        DiscountRule notYet = (request, payable) -> DiscountRule.Evaluation.skipped(
                new DiscountRule.Skipped("MJ200", "满200减20", "add 150.00 more"));
        PricingRequest.Item item = new PricingRequest.Item(sku(1, "50.00"), 1);
        PricedOrder quiet = calculator(notYet).price(request(item));
        PricedOrder explained = calculator(notYet).price(new PricingRequest(SalesChannel.WEB, null, null,
                List.of(item), List.of(), true));

        assertThat(quiet.notApplied()).isEmpty();
        assertThat(explained.notApplied()).extracting(DiscountRule.Skipped::code).containsExactly("MJ200",
                "free-shipping");
    }

    @Test
    void aLaterRuleSeesWhatTheEarlierOnesLeft() {
        DiscountRule first = (request, payable) -> DiscountRule.Evaluation.of(new DiscountRule.Discount("a", "A", cny("20.00"), Set.of()));
        List<List<Money>> seen = new java.util.ArrayList<>();
        DiscountRule second = (request, payable) -> {
            seen.add(payable);
            return DiscountRule.Evaluation.none();
        };
        calculator(first, second).price(request(new PricingRequest.Item(sku(1, "60.00"), 1),
                new PricingRequest.Item(sku(2, "40.00"), 1)));

        assertThat(seen).singleElement().isEqualTo(List.of(cny("48.00"), cny("32.00")));
    }

    @Test
    void prorationGivesTheLeftoverCentsToTheLargestRemaindersAndAddsUpExactly() {
        assertThat(Proration.split(cny("0.10"), List.of(1L, 1L, 1L)))
                .containsExactly(cny("0.04"), cny("0.03"), cny("0.03"));
        assertThat(Proration.split(cny("1.00"), List.of(1L, 2L)))
                .containsExactly(cny("0.33"), cny("0.67"));
        assertThat(Proration.split(cny("0.00"), List.of(0L, 0L))).containsExactly(cny("0.00"), cny("0.00"));
        java.util.Random random = new java.util.Random(7);
        for (int run = 0; run < 1_000; run++) {
            Money amount = Money.ofMinor(random.nextInt(1_000_000), Money.CNY);
            List<Long> weights = random.ints(1 + random.nextInt(8), 1, 100_000).asLongStream().boxed().toList();
            List<Money> shares = Proration.split(amount, weights);
            assertThat(shares.stream().reduce(cny("0"), Money::plus)).isEqualTo(amount);
            assertThat(shares).noneMatch(Money::isNegative);
        }
    }
}
