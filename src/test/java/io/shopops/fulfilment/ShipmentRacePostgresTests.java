package io.shopops.fulfilment;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.shopops.catalog.SkuView;
import io.shopops.fulfilment.FulfilmentFixtures.Order;
import io.shopops.fulfilment.FulfilmentTestConfiguration.ShipmentEvents;
import io.shopops.inventory.Inventory;
import io.shopops.inventory.MovementQuery;
import io.shopops.inventory.MovementType;
import io.shopops.inventory.MutableClock;
import io.shopops.inventory.ReservationStatus;
import io.shopops.inventory.Reservations;
import io.shopops.inventory.StockLevel;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.PageQuery;
import io.shopops.testing.PostgresTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Members and carriers racing for the same shipment on the machine's PostgreSQL: the reservation ships exactly
 * once however many dispatches race, a dispatch racing a cancellation leaves one consistent outcome, and a carrier
 * event delivered many times at once is recorded once.
 */
@PostgresTest
@Import(FulfilmentTestConfiguration.class)
class ShipmentRacePostgresTests {

    @Autowired
    Shipments shipments;
    @Autowired
    Tracking tracking;
    @Autowired
    FulfilmentFixtures fixtures;
    @Autowired
    Reservations reservations;
    @Autowired
    Inventory inventory;
    @Autowired
    ShipmentEvents events;
    @Autowired
    MutableClock clock;

    /** Runs every task on its own thread, all released at once by a start gate; returns their results in order. */
    static <T> List<T> race(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void eightDispatchesOfOneShipmentRaceAndItsReservationShipsOnce() throws Exception {
        Order order = fixtures.order();
        ShipmentView packed = fixtures.packed(shipments.create(order.shipment()));
        List<Callable<String>> dispatchers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String trackingNumber = FulfilmentFixtures.sfTrackingNumber();
            dispatchers.add(() -> {
                try {
                    shipments.dispatch(packed.id(), new Dispatch("SF", trackingNumber, new BigDecimal("18.00"), null));
                    return trackingNumber;
                } catch (BusinessRuleException e) {
                    return e.code();
                }
            });
        }

        List<String> outcomes = race(dispatchers);

        List<String> winners = outcomes.stream().filter(o -> o.startsWith("SF")).toList();
        assertThat(winners).hasSize(1);
        assertThat(Collections.frequency(outcomes, "illegal-transition")).isEqualTo(7);
        ShipmentView dispatched = shipments.shipment(packed.id());
        assertThat(dispatched.status()).isEqualTo(ShipmentStatus.DISPATCHED);
        assertThat(dispatched.trackingNumber()).isEqualTo(winners.getFirst());
        assertThat(reservations.reservation(order.reservation().id()).status()).isEqualTo(ReservationStatus.SHIPPED);
        for (SkuView sku : order.skus()) {
            StockLevel level = inventory.level(sku.id(), order.warehouse().id());
            assertThat(level.reserved()).isZero();
            assertThat(level.onHand()).isEqualTo(10 - order.shipment().lines().stream()
                    .filter(l -> l.skuId().equals(sku.id())).mapToInt(ShipmentLine::quantity).sum());
        }
        assertThat(inventory.movements(new MovementQuery(null, null, order.warehouse().id(), MovementType.SHIP, null,
                null, null), PageQuery.first(50)).items()).hasSize(order.skus().size());
        assertThat(shipments.details(packed.id()).steps()).extracting(ShipmentStep::status)
                .containsOnlyOnce(ShipmentStatus.DISPATCHED);
        await().untilAsserted(() -> assertThat(events.of(ShipmentDispatched.class))
                .filteredOn(e -> e.shipmentId().equals(packed.id())).hasSize(1));
        assertThat(inventory.reconcile().mismatches()).isEmpty();
    }

    @Test
    void aDispatchRacingACancellationEndsOneWayOrTheOtherNeverBoth() throws Exception {
        for (int round = 0; round < 10; round++) {
            Order order = fixtures.order();
            ShipmentView packed = fixtures.packed(shipments.create(order.shipment()));
            String trackingNumber = FulfilmentFixtures.sfTrackingNumber();

            List<String> outcomes = race(List.of(() -> {
                try {
                    shipments.dispatch(packed.id(), new Dispatch("SF", trackingNumber, BigDecimal.TEN, null));
                    return "dispatched";
                } catch (BusinessRuleException e) {
                    return e.code();
                }
            }, () -> {
                try {
                    shipments.cancel(packed.id(), "customer cancelled");
                    return "cancelled";
                } catch (BusinessRuleException e) {
                    return e.code();
                }
            }));

            ShipmentStatus status = shipments.shipment(packed.id()).status();
            ReservationStatus reservation = reservations.reservation(order.reservation().id()).status();
            if (status == ShipmentStatus.DISPATCHED) {
                assertThat(outcomes).containsExactly("dispatched", "illegal-transition");
                assertThat(reservation).isEqualTo(ReservationStatus.SHIPPED);
            } else {
                assertThat(status).isEqualTo(ShipmentStatus.CANCELLED);
                assertThat(outcomes).containsExactly("illegal-transition", "cancelled");
                assertThat(reservation).isEqualTo(ReservationStatus.ACTIVE);
            }
        }
        assertThat(inventory.reconcile().mismatches()).isEmpty();
    }

    @Test
    void aCarrierEventDeliveredEightTimesAtOnceIsRecordedOnce() throws Exception {
        ShipmentView shipment = fixtures.dispatched(fixtures.created());
        CarrierEvent delivered = new CarrierEvent("SF-RACE-" + System.nanoTime(), shipment.trackingNumber(),
                TrackingEventType.DELIVERED, clock.instant().truncatedTo(ChronoUnit.MICROS), "深圳", "已签收");
        List<Callable<CarrierEventOutcome>> deliveries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            deliveries.add(() -> tracking.recordCarrierEvent("SF", delivered));
        }

        List<CarrierEventOutcome> outcomes = race(deliveries);

        assertThat(Collections.frequency(outcomes, CarrierEventOutcome.RECORDED)).isEqualTo(1);
        assertThat(Collections.frequency(outcomes, CarrierEventOutcome.DUPLICATE)).isEqualTo(7);
        ShipmentDetails details = shipments.details(shipment.id());
        assertThat(details.tracking()).hasSize(1);
        assertThat(details.shipment().status()).isEqualTo(ShipmentStatus.DELIVERED);
        assertThat(details.steps()).extracting(ShipmentStep::status).containsOnlyOnce(ShipmentStatus.DELIVERED);
        await().untilAsserted(() -> assertThat(events.of(ShipmentDelivered.class))
                .filteredOn(e -> e.shipmentId().equals(shipment.id())).hasSize(1));
    }
}
