package io.shopops.flashsale;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.shopops.catalog.SkuId;
import io.shopops.customer.CustomerId;
import io.shopops.inventory.Inventory;
import io.shopops.inventory.MutableClock;
import io.shopops.ordering.AppliedRule;
import io.shopops.ordering.Checkout;
import io.shopops.ordering.NewOrder;
import io.shopops.ordering.OrderDetail;
import io.shopops.ordering.OrderFixtures;
import io.shopops.ordering.OrderStatus;
import io.shopops.ordering.OrderView;
import io.shopops.ordering.Orders;
import io.shopops.ordering.SalesChannel;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.Money;
import io.shopops.shared.PageQuery;
import io.shopops.testing.PostgresTest;
import io.shopops.testing.ShopOpsTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.shopops.flashsale.FlashSaleFixtures.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Flash sales through the real gate, checkout, payment (sandbox) and cancellation, on H2 and on PostgreSQL: the
 * quota never oversold and repeats counted once, the flash price at checkout, units back exactly once when an
 * entitlement is not ordered in time or its order is not paid in time, and a checkout whose entitlement ran out
 * refused without writing anything.
 */
class FlashSaleContractTests {

    abstract static class Contract {

        @Autowired
        FlashSales sales;
        @Autowired
        FlashSaleGate gate;
        @Autowired
        FlashSaleSettlement settlement;
        @Autowired
        FlashSaleFixtures fixtures;
        @Autowired
        OrderFixtures orderFixtures;
        @Autowired
        Checkout checkout;
        @Autowired
        Orders orders;
        @Autowired
        Inventory inventory;
        @Autowired
        MutableClock clock;
        @Autowired
        FlashSaleTestConfiguration.ClockJump clockJump;
        @Autowired
        JdbcClient jdbc;

        static Money cny(String amount) {
            return Money.of(amount, Money.CNY);
        }

        Entitlement accepted(FlashSaleView sale, SkuId sku, CustomerId customer, int quantity) {
            Attempt attempt = gate.attempt(sale.id(), sku, customer, quantity);
            assertThat(attempt).isInstanceOf(Attempt.Accepted.class);
            return ((Attempt.Accepted) attempt).entitlement();
        }

        Attempt.Refusal refusal(Attempt attempt) {
            assertThat(attempt).isInstanceOf(Attempt.Refused.class);
            return ((Attempt.Refused) attempt).refusal();
        }

        QuotaFigures figures(FlashSaleView sale) {
            return sales.figures(sale.id()).getFirst();
        }

        /** The entitlement as its customer sees it now. */
        Entitlement entitlement(EntitlementId id) {
            long customer = jdbc.sql("SELECT customer_id FROM flash_entitlement WHERE id = :id").param("id", id.value())
                    .query(Long.class).single();
            return gate.entitlements(new CustomerId(customer), new PageQuery(0, 200)).items().stream()
                    .filter(e -> e.id().equals(id)).findFirst().orElseThrow();
        }

        @Test
        void theGateGivesOutTheQuotaAndNotOneUnitMoreAndAnswersRepeatsWithTheFirstAnswer() {
            SkuId sku = fixtures.sku("100.00", 50);
            FlashSaleView sale = fixtures.running(sku, "49.00", 3, 1);
            List<CustomerId> customers = fixtures.customers(5);

            Entitlement first = accepted(sale, sku, customers.get(0), 1);
            assertThat(first.status()).isEqualTo(EntitlementStatus.ACCEPTED);
            assertThat(first.expiresAt()).isEqualTo(first.acceptedAt().plus(Duration.ofMinutes(10)));
            accepted(sale, sku, customers.get(1), 1);
            accepted(sale, sku, customers.get(2), 1);
            assertThat(refusal(gate.attempt(sale.id(), sku, customers.get(3), 1))).isEqualTo(Attempt.Refusal.SOLD_OUT);
            // the customer accepted first clicks again, even asking for more: the same entitlement, counted once
            Attempt again = gate.attempt(sale.id(), sku, customers.get(0), 5);
            assertThat(again).isEqualTo(new Attempt.Accepted(first, true));

            QuotaFigures figures = figures(sale);
            assertThat(figures.taken()).isEqualTo(3);
            assertThat(figures.holding()).isEqualTo(3);
            assertThat(figures.remaining()).isZero();
            assertThat(figures.soldOut()).isTrue();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM flash_entitlement WHERE session_id = :id")
                    .param("id", sale.id().value()).query(Long.class).single()).isEqualTo(3);
        }

        @Test
        void attemptsOverTheLimitBeforeTheStartAndAfterTheCancellationAreRefusedWithTheirReason() {
            SkuId sku = fixtures.sku("100.00", 50);
            FlashSaleView running = fixtures.running(sku, "49.00", 10, 2);
            CustomerId customer = fixtures.customers(1).getFirst();
            assertThat(refusal(gate.attempt(running.id(), sku, customer, 3))).isEqualTo(Attempt.Refusal.LIMIT_REACHED);
            assertThat(accepted(running, sku, customer, 2).quantity()).isEqualTo(2);

            SkuId later = fixtures.sku("80.00", 50);
            FlashSaleView draft = sales.create(new NewFlashSale("明天的秒杀", fixtures.now().plus(Duration.ofDays(1)),
                    fixtures.now().plus(Duration.ofDays(1).plusHours(1)), null, List.of(item(later, "39.00", 5, null))));
            assertThat(draft.payWindowMinutes()).isEqualTo(FlashSales.DEFAULT_PAY_WINDOW);
            assertThat(draft.items().getFirst().perCustomerLimit()).isEqualTo(1);
            assertThat(refusal(gate.attempt(draft.id(), later, customer, 1))).isEqualTo(Attempt.Refusal.NOT_RUNNING);
            FlashSaleView scheduled = sales.schedule(draft.id(), draft.version());
            assertThat(scheduled.running()).isFalse();
            assertThat(refusal(gate.attempt(draft.id(), later, customer, 1))).isEqualTo(Attempt.Refusal.NOT_RUNNING);

            FlashSaleView cancelled = sales.cancel(running.id(), "供应商缺货", running.version());
            assertThat(cancelled.status()).isEqualTo(FlashSaleStatus.CANCELLED);
            // the accepted customer's entitlement expired with the session and its units went back
            assertThat(figures(cancelled).taken()).isZero();
            assertThat(gate.entitlements(customer, new PageQuery(0, 10)).items()).singleElement()
                    .satisfies(e -> assertThat(e.status()).isEqualTo(EntitlementStatus.EXPIRED));
            CustomerId another = fixtures.customers(1).getFirst();
            assertThat(refusal(gate.attempt(running.id(), sku, another, 1))).isEqualTo(Attempt.Refusal.NOT_RUNNING);
        }

        @Test
        void anAcceptedCustomerChecksOutAtTheFlashPricePaysAndTheUnitCountsAsSold() {
            SkuId sku = fixtures.sku("199.00", 20);
            FlashSaleView sale = fixtures.running(sku, "99.00", 5, 1);
            OrderFixtures.Shopper shopper = orderFixtures.shopper();
            Entitlement entitlement = accepted(sale, sku, shopper.id(), 1);

            OrderView order = orderFixtures.place(shopper, OrderFixtures.line(sku, 1));
            assertThat(order.itemsAmount()).isEqualTo(cny("199.00"));
            assertThat(order.discountAmount()).isEqualTo(cny("100.00"));
            assertThat(order.total()).isEqualTo(cny("99.00")); // 99.00 of goods ships free
            assertThat(order.priceRules()).filteredOn(r -> r.kind() == AppliedRule.Kind.DISCOUNT).singleElement()
                    .satisfies(r -> {
                        assertThat(r.code()).isEqualTo("flash-sale");
                        assertThat(r.reference()).isEqualTo("flash:" + entitlement.id());
                    });
            Entitlement used = entitlement(entitlement.id());
            assertThat(used.status()).isEqualTo(EntitlementStatus.USED);
            assertThat(used.orderId()).isEqualTo(order.id());
            assertThat(used.payBy()).isEqualTo(used.usedAt().plus(Duration.ofMinutes(10)));

            orderFixtures.pay(shopper, order);
            orderFixtures.await(order.id(), OrderStatus.ALLOCATED);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> entitlement(entitlement.id()).status() == EntitlementStatus.PAID);
            QuotaFigures figures = figures(sale);
            assertThat(figures.taken()).isEqualTo(1);
            assertThat(figures.ordered()).isEqualTo(1);
            assertThat(figures.paid()).isEqualTo(1);
            assertThat(figures.sellThroughPercent()).isEqualByComparingTo("20.0");
            // a second order of the same SKU is priced normally: the entitlement is spent
            OrderView second = orderFixtures.place(shopper, OrderFixtures.line(sku, 1));
            assertThat(second.discountAmount()).isEqualTo(cny("0.00"));
        }

        @Test
        void aFlashOrderNotPaidWithinThePayWindowIsCancelledAndItsUnitComesBackExactlyOnce() {
            SkuId sku = fixtures.sku("60.00", 20);
            FlashSaleView sale = fixtures.running(sku, "30.00", 2, 1);
            OrderFixtures.Shopper shopper = orderFixtures.shopper();
            Entitlement entitlement = accepted(sale, sku, shopper.id(), 1);
            OrderView order = orderFixtures.place(shopper, OrderFixtures.line(sku, 1));
            assertThat(order.total()).isEqualTo(cny("40.00")); // 30.00 + 10.00 shipping
            settlement.cancelUnpaidOrders();
            assertThat(orders.detail(order.id()).status()).isEqualTo(OrderStatus.PENDING_PAYMENT); // within the window

            clock.advance(Duration.ofMinutes(11));
            // the job (here called directly; scheduled every few seconds it may get there first) cancels it
            settlement.cancelUnpaidOrders();
            OrderDetail cancelled = orders.detail(order.id());
            assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> entitlement(entitlement.id()).status() == EntitlementStatus.RETURNED);
            assertThat(figures(sale).taken()).isZero();

            // the same event delivered again (a retried publication) gives nothing back a second time
            assertThat(settlement.returnUnits(order.id())).isZero();
            assertThat(figures(sale).taken()).isZero();
            settlement.cancelUnpaidOrders();
            assertThat(figures(sale).taken()).isZero();
            // the unit is on offer again
            assertThat(accepted(sale, sku, fixtures.customers(1).getFirst(), 1).status())
                    .isEqualTo(EntitlementStatus.ACCEPTED);
            assertThat(accepted(sale, sku, fixtures.customers(1).getFirst(), 1).status())
                    .isEqualTo(EntitlementStatus.ACCEPTED);
            assertThat(figures(sale).taken()).isEqualTo(2);
        }

        @Test
        void anEntitlementNotOrderedWithinThePayWindowExpiresAndItsUnitsComeBackOnce() {
            SkuId sku = fixtures.sku("60.00", 20);
            FlashSaleView sale = fixtures.running(sku, "30.00", 4, 3);
            CustomerId customer = fixtures.customers(1).getFirst();
            Entitlement entitlement = accepted(sale, sku, customer, 3);
            assertThat(figures(sale).taken()).isEqualTo(3);

            clock.advance(Duration.ofMinutes(9));
            settlement.expireUnused();
            assertThat(entitlement(entitlement.id()).status()).isEqualTo(EntitlementStatus.ACCEPTED);
            clock.advance(Duration.ofMinutes(2));
            settlement.expireUnused();
            assertThat(entitlement(entitlement.id()).status()).isEqualTo(EntitlementStatus.EXPIRED);
            assertThat(figures(sale).taken()).isZero();
            settlement.expireUnused();
            assertThat(figures(sale).taken()).isZero();
            // a repeat by that customer is still the first answer (now expired), not a second entitlement
            assertThat(gate.attempt(sale.id(), sku, customer, 1)).isInstanceOfSatisfying(Attempt.Accepted.class,
                    a -> assertThat(a.entitlement().status()).isEqualTo(EntitlementStatus.EXPIRED));
        }

        @Test
        void aCheckoutWhoseEntitlementRunsOutWhileItIsPlacedIsRefusedAndWritesNothing() {
            SkuId sku = fixtures.sku("60.00", 20);
            FlashSaleView sale = fixtures.running(sku, "30.00", 2, 1);
            OrderFixtures.Shopper shopper = orderFixtures.shopper();
            Entitlement entitlement = accepted(sale, sku, shopper.id(), 1);
            long available = available(sku);

            // priced while valid; eleven minutes pass before the redemption (the last rule moves the clock)
            clockJump.duringTheNextPricing(Duration.ofMinutes(11));
            assertThatThrownBy(() -> orderFixtures.place(shopper, OrderFixtures.line(sku, 1)))
                    .isInstanceOfSatisfying(BusinessRuleException.class, refused -> {
                        assertThat(refused.code()).isEqualTo("flash-entitlement-expired");
                        assertThat(refused.violations().getFirst().field()).isEqualTo("lines[0].skuId");
                    });
            assertThat(orders.ofCustomer(shopper.id(), new PageQuery(0, 10)).totalItems()).isZero();
            assertThat(available(sku)).isEqualTo(available);
            assertThat(entitlement(entitlement.id()).status()).isEqualTo(EntitlementStatus.ACCEPTED);
            assertThat(figures(sale).taken()).isEqualTo(1);
        }

        @Test
        void anEntitlementThatRanOutIsNotPricedAndACheckoutExpectingTheFlashPriceIsRefused() {
            SkuId sku = fixtures.sku("60.00", 20);
            FlashSaleView sale = fixtures.running(sku, "30.00", 2, 1);
            OrderFixtures.Shopper shopper = orderFixtures.shopper();
            accepted(sale, sku, shopper.id(), 1);
            clock.advance(Duration.ofMinutes(11));

            NewOrder expectingFlashPrice = new NewOrder(List.of(OrderFixtures.line(sku, 1)), shopper.addressId(),
                    SalesChannel.WEB, null, null, new BigDecimal("40.00"), null);
            assertThatThrownBy(() -> checkout.place(shopper.id(), OrderFixtures.key(), expectingFlashPrice))
                    .isInstanceOfSatisfying(BusinessRuleException.class,
                            refused -> assertThat(refused.code()).isEqualTo("price-changed"));
            assertThat(orders.ofCustomer(shopper.id(), new PageQuery(0, 10)).totalItems()).isZero();
        }

        @Test
        void anOrderOfFewerUnitsThanEntitledGetsTheFlashPriceForThemAndGivesTheRestBack() {
            SkuId sku = fixtures.sku("50.00", 20);
            FlashSaleView sale = fixtures.running(sku, "20.00", 10, 3);
            OrderFixtures.Shopper shopper = orderFixtures.shopper();
            Entitlement entitlement = accepted(sale, sku, shopper.id(), 3);
            assertThat(figures(sale).taken()).isEqualTo(3);

            OrderView order = orderFixtures.place(shopper, OrderFixtures.line(sku, 1));
            assertThat(order.discountAmount()).isEqualTo(cny("30.00"));
            Entitlement used = entitlement(entitlement.id());
            assertThat(used.usedQuantity()).isEqualTo(1);
            QuotaFigures figures = figures(sale);
            assertThat(figures.taken()).isEqualTo(1);
            assertThat(figures.ordered()).isEqualTo(1);

            // the customer cancels: the one unit on the order goes back, and only that one
            orders.cancel(shopper.id(), order.id(), "买错了");
            await().atMost(Duration.ofSeconds(20)).until(() -> figures(sale).taken() == 0);
            assertThat(entitlement(entitlement.id()).status()).isEqualTo(EntitlementStatus.RETURNED);
        }

        @Test
        void moreUnitsThanEntitledCostTheFlashPriceOnlyForTheEntitledOnes() {
            SkuId sku = fixtures.sku("50.00", 20);
            FlashSaleView sale = fixtures.running(sku, "20.00", 10, 2);
            OrderFixtures.Shopper shopper = orderFixtures.shopper();
            accepted(sale, sku, shopper.id(), 2);
            OrderView order = orderFixtures.place(shopper, OrderFixtures.line(sku, 3));
            // 3 × 50.00 = 150.00; two at 20.00 instead of 50.00
            assertThat(order.discountAmount()).isEqualTo(cny("60.00"));
            assertThat(figures(sale).ordered()).isEqualTo(2);
        }

        @Test
        void racingAttemptsNeverOversellAndEachCustomerGetsOneAnswer() throws Exception {
            SkuId sku = fixtures.sku("100.00", 100);
            FlashSaleView sale = fixtures.running(sku, "49.00", 20, 1);
            List<CustomerId> customers = fixtures.customers(60);
            List<Callable<Object>> attempts = new ArrayList<>();
            for (CustomerId customer : customers) {
                for (int i = 0; i < 3; i++) {
                    attempts.add(() -> gate.attempt(sale.id(), sku, customer, 1));
                }
            }
            List<Object> answers = race(16, attempts);

            List<Entitlement> granted = answers.stream().filter(Attempt.Accepted.class::isInstance)
                    .map(a -> ((Attempt.Accepted) a).entitlement()).distinct().toList();
            assertThat(granted).hasSize(20);
            assertThat(granted.stream().map(Entitlement::customerId).distinct()).hasSize(20);
            assertThat(figures(sale).taken()).isEqualTo(20);
            assertThat(answers).filteredOn(Attempt.Refused.class::isInstance)
                    .allSatisfy(r -> assertThat(((Attempt.Refused) r).refusal()).isEqualTo(Attempt.Refusal.SOLD_OUT));
        }

        long available(SkuId sku) {
            Map<?, Long> byWarehouse = inventory.availability(List.of(sku)).getOrDefault(sku, Map.of());
            return byWarehouse.values().stream().mapToLong(Long::longValue).sum();
        }

        static List<Object> race(int threads, List<Callable<Object>> tasks) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Object>> futures = new ArrayList<>();
                for (Callable<Object> task : tasks) {
                    futures.add(pool.submit(task));
                }
                List<Object> results = new ArrayList<>();
                for (Future<Object> future : futures) {
                    results.add(future.get(120, TimeUnit.SECONDS));
                }
                return results;
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    @ShopOpsTest
    @Import(FlashSaleTestConfiguration.class)
    class OnH2 extends Contract {
    }

    @Nested
    @PostgresTest
    @Import(FlashSaleTestConfiguration.class)
    class OnPostgres extends Contract {
    }
}
