package io.shopops.ordering;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.shopops.catalog.SkuId;
import io.shopops.inventory.Inventory;
import io.shopops.inventory.MutableClock;
import io.shopops.inventory.ReservationStatus;
import io.shopops.inventory.ReservationView;
import io.shopops.inventory.Reservations;
import io.shopops.inventory.WarehouseView;
import io.shopops.shared.PageQuery;
import io.shopops.testing.PostgresTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.shopops.ordering.OrderFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The payment window closing while the customers' payments arrive, on the machine's PostgreSQL: each order ends
 * either paid with its stock held, or cancelled with its stock released exactly once and its payment refunded.
 */
@PostgresTest
@Import(OrderingTestConfiguration.class)
class OrderPaymentRacePostgresTests {

    @Autowired
    Orders orders;
    @Autowired
    OrderFixtures fixtures;
    @Autowired
    Inventory inventory;
    @Autowired
    Reservations reservations;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theCancellationJobRacingLatePaymentsReleasesEachOrdersStockExactlyOnce() throws Exception {
        // orders other tests left unpaid in this database are cancelled first: the race is about these ones
        clock.advance(Duration.ofMinutes(31));
        orders.cancelUnpaid();
        SkuId sku = fixtures.sku("20.00");
        WarehouseView east = fixtures.warehouse("华东");
        fixtures.stock(sku, east, 200);
        List<OrderView> placed = new ArrayList<>();
        List<String> notifications = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            OrderFixtures.Shopper shopper = fixtures.shopper();
            OrderView order = fixtures.place(shopper, line(sku, 1 + i % 3));
            placed.add(order);
            notifications.add(fixtures.payAtCashier(fixtures.startPayment(shopper, order)));
        }
        clock.advance(Duration.ofMinutes(31));
        List<Callable<Integer>> racers = new ArrayList<>();
        for (int i = 0; i < placed.size(); i++) {
            String notification = notifications.get(i);
            racers.add(() -> {
                fixtures.deliver(notification);
                return 0;
            });
            if (i % 6 == 0) {
                racers.add(orders::cancelUnpaid);
            }
        }

        List<Integer> results = Race.run(racers.size(), racers);

        await().atMost(Duration.ofSeconds(60)).until(() -> placed.stream().map(o -> orders.detail(o.id()))
                .allMatch(o -> o.status() == OrderStatus.ALLOCATED
                        || (o.status() == OrderStatus.CANCELLED && o.refundedAmount().equals(o.total()))));
        long held = 0;
        int cancelled = 0;
        for (OrderView order : placed) {
            OrderDetail detail = orders.detail(order.id());
            ReservationView reservation = reservations.find(order.orderNumber() + "/" + east.code(), null,
                    PageQuery.first(5)).items().getFirst();
            long releases = jdbc.sql("SELECT COUNT(*) FROM stock_movement WHERE reservation_id = :id AND movement_type = 'RELEASE'")
                    .param("id", reservation.id().value()).query(Long.class).single();
            if (detail.status() == OrderStatus.CANCELLED) {
                cancelled++;
                assertThat(releases).as(order.orderNumber()).isEqualTo(1);
                assertThat(reservation.status()).isEqualTo(ReservationStatus.RELEASED);
                assertThat(detail.abnormal()).isTrue();
                assertThat(detail.payments()).singleElement()
                        .satisfies(p -> assertThat(p.outcome()).isEqualTo("REFUND_DUE"));
            } else {
                assertThat(releases).as(order.orderNumber()).isZero();
                assertThat(reservation.status()).isEqualTo(ReservationStatus.ACTIVE);
                assertThat(reservation.expiresAt()).isNull();
                held += order.lines().getFirst().quantity();
            }
        }
        assertThat(results.stream().mapToInt(Integer::intValue).sum()).isEqualTo(cancelled);
        assertThat(inventory.level(sku, east.id()).reserved()).isEqualTo(held);
        assertThat(inventory.reconcile().mismatches()).isEmpty();
    }

    @Test
    void aModulesPayWindowCancelsOnlyUnpaidOrders() {
        SkuId sku = fixtures.sku("30.00");
        fixtures.stock(sku, fixtures.warehouse("华东"), 10);
        OrderFixtures.Shopper shopper = fixtures.shopper();
        OrderView paid = fixtures.place(shopper, line(sku, 1));
        OrderView unpaid = fixtures.place(shopper, line(sku, 1));
        fixtures.pay(shopper, paid);
        await().atMost(Duration.ofSeconds(20)).until(() -> orders.detail(paid.id()).status().isPaid());

        assertThatThrownBy(() -> orders.cancelUnpaid(paid.id(), "flash sale: not paid in time"))
                .isInstanceOf(io.shopops.shared.BusinessRuleException.class).hasMessageContaining("cannot become");
        assertThat(orders.detail(paid.id()).status().isPaid()).isTrue();
        assertThat(orders.cancelUnpaid(unpaid.id(), "flash sale: not paid in time").status())
                .isEqualTo(OrderStatus.CANCELLED);
    }
}
