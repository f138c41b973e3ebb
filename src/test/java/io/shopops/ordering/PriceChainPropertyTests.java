package io.shopops.ordering;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import io.shopops.catalog.CategoryId;
import io.shopops.catalog.ProductId;
import io.shopops.catalog.ProductStatus;
import io.shopops.catalog.SkuId;
import io.shopops.catalog.SkuRef;
import io.shopops.ordering.internal.OrderingProperties;
import io.shopops.ordering.internal.StandardPriceCalculator;
import io.shopops.shared.Money;
import io.shopops.shared.ShopProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the price chain over random baskets (1–20 lines) and random rules (1,000 seeds each; a failure
 * names its seed): the total is never negative, no line goes below its cost unless a discount allowed it, the amounts
 * add up, and a chain with no rule that gives anything charges the plain sale prices.
 */
class PriceChainPropertyTests {

    static final ShopProperties SHOP = new ShopProperties("Test", Money.CNY, ZoneId.of("Asia/Shanghai"), Locale.CHINA);
    static final OrderingProperties SETTINGS = new OrderingProperties(new BigDecimal("99.00"), new BigDecimal("10.00"),
            "single-warehouse-first", Duration.ofMinutes(30), Duration.ofMinutes(15), Duration.ofDays(3),
            Duration.ofDays(7), 100, Duration.ofMinutes(1), Duration.ofHours(1));

    record Basket(List<PricingRequest.Item> items) {
    }

    static Basket basket(Random random) {
        List<PricingRequest.Item> items = new ArrayList<>();
        int lines = 1 + random.nextInt(20);
        for (int i = 0; i < lines; i++) {
            long price = 1 + random.nextInt(100_000);
            long cost = random.nextInt(10) == 0 ? 0 : random.nextLong(price + 1);
            SkuRef sku = new SkuRef(new SkuId(i + 1), "SKU-" + i, new ProductId(i + 1), new CategoryId(1), null, "SPU",
                    "商品", List.of(), Money.ofMinor(price, Money.CNY), Money.ofMinor(cost, Money.CNY),
                    ProductStatus.ON_SHELF, true);
            items.add(new PricingRequest.Item(sku, 1 + random.nextInt(9)));
        }
        return new Basket(items);
    }

    /** A rule of a random stage giving random amounts (sometimes far too much) on random items. */
    static DiscountRule rule(Random random, boolean belowCost) {
        DiscountRule.Stage stage = DiscountRule.Stage.values()[random.nextInt(DiscountRule.Stage.values().length)];
        long seed = random.nextLong();
        return new DiscountRule() {
            @Override
            public Stage stage() {
                return stage;
            }

            @Override
            public Evaluation apply(PricingRequest request, List<Money> payable) {
                Random r = new Random(seed);
                List<Discount> discounts = new ArrayList<>();
                for (int d = 0; d < 1 + r.nextInt(3); d++) {
                    Set<Integer> items = new HashSet<>();
                    if (r.nextBoolean()) {
                        for (int i = 0; i < payable.size(); i++) {
                            if (r.nextBoolean()) {
                                items.add(i);
                            }
                        }
                    }
                    discounts.add(new Discount("R" + d, "rule", Money.ofMinor(r.nextInt(2_000_000), Money.CNY), items,
                            "test:" + d, belowCost && r.nextBoolean()));
                }
                return new Evaluation(discounts, List.of());
            }
        };
    }

    @Test
    void theTotalIsNeverNegativeAndNoLineGoesBelowCostUnlessAllowed() {
        for (long seed = 20261122L; seed < 20261122L + 1000; seed++) {
            neverBelowCost(seed);
        }
    }

    void neverBelowCost(long seed) {
        Random random = new Random(seed);
        Basket basket = basket(random);
        List<DiscountRule> rules = new ArrayList<>();
        for (int i = 0; i < random.nextInt(8); i++) {
            rules.add(rule(random, false));
        }

        PricedOrder priced = new StandardPriceCalculator(rules, SETTINGS, SHOP)
                .price(new PricingRequest(SalesChannel.WEB, null, basket.items()));

        assertThat(priced.total().isNegative()).isFalse();
        for (int i = 0; i < basket.items().size(); i++) {
            PricingRequest.Item item = basket.items().get(i);
            Money floor = item.sku().costPrice().times(item.quantity());
            Money payable = priced.lines().get(i).payable();
            assertThat(payable.compareTo(floor)).as("seed %d line %d payable %s floor %s", seed, i, payable, floor)
                    .isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void discountsAllowedBelowCostStillNeverTakeALineBelowZero() {
        for (long seed = 7_000_000L; seed < 7_001_000L; seed++) {
            neverBelowZero(seed);
        }
    }

    void neverBelowZero(long seed) {
        Random random = new Random(seed);
        Basket basket = basket(random);
        List<DiscountRule> rules = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(8); i++) {
            rules.add(rule(random, true));
        }

        PricedOrder priced = new StandardPriceCalculator(rules, SETTINGS, SHOP)
                .price(new PricingRequest(SalesChannel.WEB, null, basket.items()));

        assertThat(priced.lines()).as("seed %d", seed)
                .allSatisfy(line -> assertThat(line.payable().isNegative()).isFalse());
        assertThat(priced.discountAmount().compareTo(priced.itemsAmount())).isLessThanOrEqualTo(0);
        Money applied = priced.rules().stream().filter(r -> r.kind() == AppliedRule.Kind.DISCOUNT)
                .map(AppliedRule::amount).reduce(Money.zero(Money.CNY), Money::plus);
        assertThat(applied).isEqualTo(priced.discountAmount());
    }

    @Test
    void rulesThatGiveNothingChangeNothing() {
        for (long seed = 99L; seed < 599L; seed++) {
            unchanged(seed);
        }
    }

    void unchanged(long seed) {
        Random random = new Random(seed);
        Basket basket = basket(random);
        DiscountRule nothing = (request, payable) -> DiscountRule.Evaluation.none();
        DiscountRule zero = (request, payable) -> DiscountRule.Evaluation.of(
                new DiscountRule.Discount("Z", "zero", Money.zero(Money.CNY), Set.of()));

        PricedOrder plain = new StandardPriceCalculator(List.of(), SETTINGS, SHOP)
                .price(new PricingRequest(SalesChannel.WEB, null, basket.items()));
        PricedOrder withRules = new StandardPriceCalculator(List.of(nothing, zero), SETTINGS, SHOP)
                .price(new PricingRequest(SalesChannel.WEB, null, basket.items()));

        assertThat(withRules).as("seed %d", seed).isEqualTo(plain);
        for (int i = 0; i < basket.items().size(); i++) {
            PricingRequest.Item item = basket.items().get(i);
            assertThat(plain.lines().get(i).payable()).isEqualTo(item.sku().salePrice().times(item.quantity()));
        }
    }
}
