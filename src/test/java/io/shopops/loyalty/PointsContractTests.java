package io.shopops.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;

import io.shopops.catalog.SkuId;
import io.shopops.customer.CustomerId;
import io.shopops.inventory.WarehouseView;
import io.shopops.loyalty.internal.PointsLedger;
import io.shopops.ordering.Checkout;
import io.shopops.ordering.NewOrder;
import io.shopops.ordering.OrderFixtures;
import io.shopops.ordering.OrderStatus;
import io.shopops.ordering.OrderView;
import io.shopops.ordering.Orders;
import io.shopops.ordering.OrderingTestConfiguration;
import io.shopops.ordering.PricedOrder;
import io.shopops.ordering.Race;
import io.shopops.ordering.SalesChannel;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.Money;
import io.shopops.testing.PostgresTest;
import io.shopops.testing.ShopOpsTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loyalty points on H2 and PostgreSQL: earned on payment, spent through the price chain under its cap, given and
 * taken back on cancellation, a share taken back on a refund, expired; the ledger's invariants over random
 * operations with replays (balance = Σ entries = Σ what the lots hold, never negative, a replay changes nothing);
 * concurrent checkouts spending the same points.
 */
class PointsContractTests {

    abstract static class Contract {

        @Autowired
        Points points;
        @Autowired
        PointsLedger ledger;
        @Autowired
        OrderFixtures orders;
        @Autowired
        Checkout checkout;
        @Autowired
        Orders orderFacade;
        @Autowired
        JdbcClient jdbc;
        @Autowired
        TransactionTemplate transactions;

        static Money cny(String amount) {
            return Money.of(amount, Money.CNY);
        }

        NewOrder order(OrderFixtures.Shopper shopper, SkuId sku, int quantity, Long pointsToUse) {
            return new NewOrder(List.of(OrderFixtures.line(sku, quantity)), shopper.addressId(), SalesChannel.WEB,
                    null, null, null, List.of(), pointsToUse);
        }

        @Test
        void anOrderEarnsOnPaymentSpendsUnderTheCapAndGivesBothBackWhenCancelled() {
            SkuId sku = orders.sku("100.00"); // cost 40.00
            WarehouseView warehouse = orders.warehouse("华东");
            orders.stock(sku, warehouse, 20);
            OrderFixtures.Shopper shopper = orders.shopper();
            points.adjust(shopper.id(), 8_000L, "welcome gift");

            // 2 × 100 = 200.00 goods; the cap is 50 % = 100.00 = 10,000 points; 8,000 spendable → 80.00 off
            PricedOrder preview = checkout.preview(shopper.id(), order(shopper, sku, 2, 20_000L));
            assertThat(preview.discountAmount()).isEqualTo(cny("80.00"));
            assertThat(preview.notApplied()).anyMatch(s -> s.reason().startsWith("uses 8000 of the 20000 points"));

            OrderView placed = checkout.place(shopper.id(), OrderFixtures.key(), order(shopper, sku, 2, 20_000L));
            assertThat(placed.total()).isEqualTo(cny("120.00"));
            assertThat(points.account(shopper.id()).balance()).isZero();

            orders.pay(shopper, placed);
            await().atMost(Duration.ofSeconds(20)).until(() -> points.account(shopper.id()).balance() == 120);
            PointsEntry earned = ledger.ofOrder(placed.id().value(), PointsEntryKind.EARN).getFirst();
            int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
            assertThat(earned.expiresAt()).isEqualTo(LocalDate.of(year + 2, 1, 1)
                    .atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant());

            orderFacade.cancel(placed.id(), "customer changed their mind");
            // +8,000 given back, −120 taken back
            await().atMost(Duration.ofSeconds(20)).until(() -> points.account(shopper.id()).balance() == 8_000);
            points.orderCancelled(placed.id(), shopper.id());
            assertThat(points.account(shopper.id()).balance()).as("a replayed cancellation moves nothing")
                    .isEqualTo(8_000);
            assertThat(points.entries(shopper.id(), io.shopops.shared.PageQuery.first(20)).items())
                    .extracting(PointsEntry::kind).containsExactly(PointsEntryKind.REVERSE, PointsEntryKind.RETURN,
                            PointsEntryKind.EARN, PointsEntryKind.REDEEM, PointsEntryKind.ADJUST);
        }

        @Test
        void aRefundTakesBackItsShareOfTheEarnedPointsOnce() {
            OrderFixtures.Shopper shopper = orders.shopper();
            io.shopops.ordering.OrderId order = new io.shopops.ordering.OrderId(900_000_000L + new Random().nextInt(1_000_000));
            points.earn(order, shopper.id(), cny("250.00"), Instant.now());
            points.earn(order, shopper.id(), cny("250.00"), Instant.now());
            assertThat(points.account(shopper.id()).balance()).isEqualTo(250);

            points.refunded(order, shopper.id(), 77_001L, cny("100.00"));
            points.refunded(order, shopper.id(), 77_001L, cny("100.00"));
            assertThat(points.account(shopper.id()).balance()).isEqualTo(150);
            points.refunded(order, shopper.id(), 77_002L, cny("250.00"));
            assertThat(points.account(shopper.id()).balance()).as("never more than was earned").isZero();
        }

        @Test
        void staffAdjustmentsNeedAReasonAndNeverTakeTheBalanceBelowZero() {
            OrderFixtures.Shopper shopper = orders.shopper();
            points.adjust(shopper.id(), 300L, "goodwill");
            assertThatThrownBy(() -> points.adjust(shopper.id(), -301L, "correction"))
                    .isInstanceOfSatisfying(BusinessRuleException.class,
                            e -> assertThat(e.code()).isEqualTo("points-insufficient"));
            assertThatThrownBy(() -> points.adjust(shopper.id(), 0L, " "))
                    .isInstanceOfSatisfying(io.shopops.shared.InvalidInputException.class, e -> assertThat(
                            e.violations()).extracting(io.shopops.shared.FieldViolation::field)
                            .containsExactly("points", "reason"));
            assertThat(points.adjust(shopper.id(), -300L, "correction").balanceAfter()).isZero();
        }

        /** 400 random operations over three customers, a third of them replays of an earlier key. */
        @Test
        void theLedgerKeepsItsInvariantsOverRandomOperationsAndReplays() {
            List<CustomerId> customers = List.of(orders.shopper().id(), orders.shopper().id(), orders.shopper().id());
            long seed = new Random().nextLong();
            Random random = new Random(seed);
            List<Runnable> done = new ArrayList<>();
            Instant now = Instant.now();
            for (int step = 0; step < 400; step++) {
                Runnable op;
                if (!done.isEmpty() && random.nextInt(3) == 0) {
                    op = done.get(random.nextInt(done.size()));
                } else {
                    long c = customers.get(random.nextInt(3)).value();
                    long n = 1 + random.nextInt(500);
                    String key = "prop:" + seed + ":" + step;
                    Instant expires = now.plus(Duration.ofDays(random.nextInt(3) == 0 ? -1 : 30));
                    op = switch (random.nextInt(4)) {
                        case 0 -> () -> ledger.credit(new PointsLedger.Move(c, PointsEntryKind.BONUS, key, null, null,
                                "test", now), n, expires, null);
                        case 1 -> () -> ledger.debit(new PointsLedger.Move(c, PointsEntryKind.REDEEM, key, null, null,
                                "test", now), n, false, true, null);
                        case 2 -> () -> ledger.debit(new PointsLedger.Move(c, PointsEntryKind.REVERSE, key, null, null,
                                "test", now), n, true, false, null);
                        default -> () -> points.expireDue();
                    };
                    done.add(op);
                }
                transactions.executeWithoutResult(s -> op.run());
                for (CustomerId customer : customers) {
                    long balance = points.account(customer).balance();
                    assertThat(balance).as("seed %d step %d", seed, step).isNotNegative()
                            .isEqualTo(sum("SELECT COALESCE(SUM(points), 0) FROM points_entry WHERE customer_id = :c",
                                    customer))
                            .isEqualTo(sum("SELECT COALESCE(SUM(remaining), 0) FROM points_entry WHERE customer_id = :c",
                                    customer));
                }
            }
        }

        long sum(String sql, CustomerId customer) {
            return jdbc.sql(sql).param("c", customer.value()).query(Long.class).single();
        }

        @Test
        void checkoutsRacingForTheSamePointsSpendThemOnce() throws Exception {
            SkuId sku = orders.sku("100.00");
            orders.stock(sku, orders.warehouse("华东"), 50);
            OrderFixtures.Shopper shopper = orders.shopper();
            points.adjust(shopper.id(), 3_000L, "gift");
            List<Callable<Boolean>> racers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                racers.add(() -> {
                    try {
                        checkout.place(shopper.id(), OrderFixtures.key(), order(shopper, sku, 1, 3_000L));
                        return true;
                    } catch (BusinessRuleException refused) {
                        return false;
                    }
                });
            }
            List<Boolean> placed = Race.run(racers.size(), racers);

            long spent = -sum("SELECT COALESCE(SUM(points), 0) FROM points_entry WHERE customer_id = :c AND kind = 'REDEEM'",
                    shopper.id());
            assertThat(spent).isEqualTo(3_000);
            assertThat(points.account(shopper.id()).balance()).isZero();
            assertThat(placed).contains(true);
        }
    }

    @Nested
    @ShopOpsTest
    @Import(OrderingTestConfiguration.class)
    class OnH2 extends Contract {
    }

    @Nested
    @PostgresTest
    @Import(OrderingTestConfiguration.class)
    class OnPostgres extends Contract {
    }
}
