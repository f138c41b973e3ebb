package io.shopops.fulfilment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.shopops.catalog.SkuView;
import io.shopops.inventory.HistoricalReservation;
import io.shopops.inventory.Inventory;
import io.shopops.inventory.InventoryFixtures;
import io.shopops.inventory.ReservationId;
import io.shopops.inventory.ReservationLine;
import io.shopops.inventory.ReservationStatus;
import io.shopops.inventory.Reservations;
import io.shopops.inventory.WarehouseId;
import io.shopops.inventory.WarehouseView;
import io.shopops.shared.ConflictException;
import io.shopops.shared.FieldViolation;
import io.shopops.shared.InvalidInputException;
import io.shopops.shared.Money;
import io.shopops.testing.PostgresTest;
import io.shopops.testing.ShopOpsTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Importing shipments as they went (and the ended reservations they name): the status, steps, cost and punctuality
 * follow from what is given as live events would have made them; stock does not move; refused whole when any of
 * them is wrong.
 */
class ShipmentImportTests {

    @Import(FulfilmentTestConfiguration.class)
    abstract static class Contract {

        @Autowired
        Shipments shipments;
        @Autowired
        Reservations reservations;
        @Autowired
        Inventory inventory;
        @Autowired
        InventoryFixtures inventoryFixtures;
        @Autowired
        FulfilmentFixtures fixtures;
        @Autowired
        Clock clock;
        @Autowired
        JdbcClient jdbc;

        @Test
        void importsShipmentsAsTheyWentWithoutMovingStock() {
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            Instant created = now.minus(Duration.ofDays(6));
            WarehouseView warehouse = inventoryFixtures.warehouse();
            SkuView sku = inventoryFixtures.sku();
            inventoryFixtures.stock(sku.id(), warehouse.id(), 5);
            List<ReservationId> ended = reservations.importHistorical(List.of(
                    closed(warehouse.id(), sku, created, created.plus(Duration.ofHours(5))),
                    closed(warehouse.id(), sku, created, created.plus(Duration.ofHours(6)))));
            FulfilmentFixtures.Order open = fixtures.order();
            long published = count("SELECT COUNT(*) FROM event_publication");
            String late = FulfilmentFixtures.sfTrackingNumber();
            String onItsWay = FulfilmentFixtures.sfTrackingNumber();

            List<ShipmentId> ids = shipments.importHistorical(List.of(
                    dispatched(warehouse.id(), ended.get(0), sku, created, late, List.of(
                            event(TrackingEventType.PICKED_UP, created.plus(Duration.ofHours(6))),
                            event(TrackingEventType.IN_TRANSIT, created.plus(Duration.ofDays(1))),
                            event(TrackingEventType.DELIVERED, created.plus(Duration.ofDays(4))))),
                    dispatched(warehouse.id(), ended.get(1), sku, created, onItsWay, List.of(
                            event(TrackingEventType.PICKED_UP, created.plus(Duration.ofHours(7))))),
                    new HistoricalShipment(open.shipment().orderReference(), open.warehouse().id(),
                            open.reservation().id(), open.shipment().lines(), FulfilmentFixtures.destination(),
                            ShippingMethod.STANDARD, now.minus(Duration.ofHours(2)), now.plus(Duration.ofDays(2)),
                            now.minus(Duration.ofHours(1)), now.minus(Duration.ofMinutes(30)), null, null, List.of())));

            ShipmentDetails delivered = shipments.details(ids.get(0));
            assertThat(delivered.shipment().status()).isEqualTo(ShipmentStatus.DELIVERED);
            assertThat(delivered.shipment().punctuality()).as("signed for a day after the promise")
                    .isEqualTo(Punctuality.LATE);
            assertThat(delivered.shipment().logisticsCost()).as("SF's rate for 1.2 kg: 12 + 2")
                    .isEqualTo(Money.of(new BigDecimal("14.00"), Money.CNY));
            assertThat(delivered.shipment().costBasis()).isEqualTo(CostBasis.CARRIER_RATE);
            assertThat(delivered.shipment().destination().recipientName()).isEqualTo(FulfilmentFixtures.RECIPIENT);
            assertThat(delivered.steps()).extracting(ShipmentStep::status).containsExactly(ShipmentStatus.CREATED,
                    ShipmentStatus.PICKING, ShipmentStatus.PACKED, ShipmentStatus.DISPATCHED, ShipmentStatus.IN_TRANSIT,
                    ShipmentStatus.DELIVERED);
            assertThat(delivered.steps().getLast().actor()).isEqualTo("carrier:SF");
            assertThat(delivered.tracking()).hasSize(3).allMatch(e -> e.source() == TrackingSource.CARRIER);
            assertThat(shipments.shipment(ids.get(1)).status()).isEqualTo(ShipmentStatus.IN_TRANSIT);
            assertThat(shipments.shipment(ids.get(2)).status()).isEqualTo(ShipmentStatus.PACKED);

            assertThat(reservations.reservation(ended.getFirst()).status()).isEqualTo(ReservationStatus.SHIPPED);
            assertThat(inventory.level(sku.id(), warehouse.id()).onHand()).as("history does not move today's stock")
                    .isEqualTo(5);
            assertThat(inventory.reconcile().consistent()).isTrue();
            assertThat(count("SELECT COUNT(*) FROM event_publication")).as("nothing published").isEqualTo(published);
        }

        @Test
        void refusesTheWholeImportNamingEveryBadFieldAndWritesNothing() {
            Instant now = clock.instant();
            Instant created = now.minus(Duration.ofDays(3));
            SkuView sku = inventoryFixtures.sku();
            long before = count("SELECT COUNT(*) FROM shipment");
            FulfilmentFixtures.Order open = fixtures.order();
            List<HistoricalShipment> bad = List.of(
                    dispatched(open.warehouse().id(), open.reservation().id(), sku, created, "SF123", List.of(
                            event(TrackingEventType.PICKED_UP, created.minus(Duration.ofDays(1))))),
                    new HistoricalShipment("SO-BAD", new WarehouseId(Long.MAX_VALUE), new ReservationId(Long.MAX_VALUE),
                            List.of(new ShipmentLine(sku.id(), 1)), FulfilmentFixtures.destination(),
                            ShippingMethod.STANDARD, created, created.plus(Duration.ofDays(3)), null, null, null, null,
                            List.of(event(TrackingEventType.DELIVERED, created.plusSeconds(60)))));

            InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                    () -> shipments.importHistorical(bad));

            assertThat(refused.violations()).extracting(FieldViolation::field).containsExactlyInAnyOrder(
                    "shipments[0].dispatched.trackingNumber", "shipments[0].tracking[0].occurredAt",
                    "shipments[1].warehouseId", "shipments[1].tracking");
            assertThat(count("SELECT COUNT(*) FROM shipment")).as("nothing written").isEqualTo(before);
        }

        @Test
        void refusesATrackingNumberUsedAlreadyWithAConflict() {
            ShipmentView earlier = fixtures.dispatched(fixtures.created());
            Instant created = clock.instant().minus(Duration.ofDays(3));
            SkuView sku = inventoryFixtures.sku();
            WarehouseView warehouse = inventoryFixtures.warehouse();
            ReservationId ended = reservations.importHistorical(List.of(closed(warehouse.id(), sku, created,
                    created.plus(Duration.ofHours(5))))).getFirst();
            long before = count("SELECT COUNT(*) FROM shipment");

            ConflictException refused = catchThrowableOfType(ConflictException.class,
                    () -> shipments.importHistorical(List.of(dispatched(warehouse.id(), ended, sku, created,
                            earlier.trackingNumber(), List.of()))));

            assertThat(refused.violations()).extracting(FieldViolation::field)
                    .containsExactly("shipments[0].dispatched.trackingNumber");
            assertThat(count("SELECT COUNT(*) FROM shipment")).isEqualTo(before);
        }

        private long count(String sql) {
            return jdbc.sql(sql).query(Long.class).single();
        }
    }

    static HistoricalReservation closed(WarehouseId warehouse, SkuView sku, Instant created, Instant shipped) {
        return new HistoricalReservation(FulfilmentFixtures.orderNumber() + "/WH", ReservationStatus.SHIPPED,
                List.of(new ReservationLine(sku.id(), warehouse, 1)), created, shipped);
    }

    /** One unit handed to SF five hours after creation, weighing 1.2 kg, promised three days after creation. */
    static HistoricalShipment dispatched(WarehouseId warehouse, ReservationId reservation, SkuView sku, Instant created,
            String trackingNumber, List<HistoricalShipment.Event> tracking) {
        return new HistoricalShipment(FulfilmentFixtures.orderNumber(), warehouse, reservation,
                List.of(new ShipmentLine(sku.id(), 1)), FulfilmentFixtures.destination(), ShippingMethod.STANDARD,
                created, created.plus(Duration.ofDays(3)), created.plus(Duration.ofHours(2)),
                created.plus(Duration.ofHours(4)),
                new HistoricalShipment.Dispatched("SF", trackingNumber, 1200, created.plus(Duration.ofHours(5))), null,
                tracking);
    }

    static HistoricalShipment.Event event(TrackingEventType type, Instant at) {
        return new HistoricalShipment.Event(type, at, "上海", null);
    }

    @Nested
    @ShopOpsTest
    @Import(FulfilmentTestConfiguration.class)
    class OnH2 extends Contract {
    }

    @Nested
    @PostgresTest
    @Import(FulfilmentTestConfiguration.class)
    class OnPostgres extends Contract {
    }
}
