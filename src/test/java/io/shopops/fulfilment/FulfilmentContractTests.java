package io.shopops.fulfilment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.shopops.audit.AuditEntry;
import io.shopops.audit.AuditLog;
import io.shopops.audit.AuditQuery;
import io.shopops.catalog.SkuView;
import io.shopops.fulfilment.FulfilmentFixtures.Order;
import io.shopops.fulfilment.FulfilmentTestConfiguration.ShipmentEvents;
import io.shopops.inventory.Inventory;
import io.shopops.inventory.MovementQuery;
import io.shopops.inventory.MovementType;
import io.shopops.inventory.MovementView;
import io.shopops.inventory.MutableClock;
import io.shopops.inventory.ReservationId;
import io.shopops.inventory.ReservationStatus;
import io.shopops.inventory.Reservations;
import io.shopops.inventory.StockLevel;
import io.shopops.inventory.WarehouseId;
import io.shopops.shared.Actor;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.ConflictException;
import io.shopops.shared.DomainException;
import io.shopops.shared.FieldViolation;
import io.shopops.shared.InvalidInputException;
import io.shopops.shared.Money;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.PageQuery;
import io.shopops.testing.PostgresTest;
import io.shopops.testing.ShopOpsTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The fulfilment facades' behaviour, the same on H2 and on PostgreSQL. */
class FulfilmentContractTests {

    @Import(FulfilmentTestConfiguration.class)
    abstract static class Contract {

        @Autowired
        Shipments shipments;
        @Autowired
        Tracking tracking;
        @Autowired
        PickLists pickLists;
        @Autowired
        DeliveryPerformance performance;
        @Autowired
        FulfilmentFixtures fixtures;
        @Autowired
        Reservations reservations;
        @Autowired
        Inventory inventory;
        @Autowired
        AuditLog auditLog;
        @Autowired
        ShipmentEvents events;
        @Autowired
        MutableClock clock;
        @Autowired
        JdbcClient jdbc;

        @AfterEach
        void signOut() {
            SecurityContextHolder.clearContext();
        }

        /** Acts as a staff member from here on (the facades read the actor from the security context). */
        String signIn() {
            String username = "packer-" + System.nanoTime() % 1_000_000;
            SecurityContextHolder.getContext().setAuthentication(
                    new UsernamePasswordAuthenticationToken(Actor.staff(7L, username), null, List.of()));
            return username;
        }

        long shipmentCount() {
            return jdbc.sql("SELECT COUNT(*) FROM shipment").query(Long.class).single();
        }

        static void assertRefused(Runnable action, Class<? extends DomainException> type, String... fields) {
            assertThatThrownBy(action::run).isInstanceOf(type)
                    .satisfies(e -> assertThat(((DomainException) e).violations()).extracting(FieldViolation::field)
                            .contains(fields));
        }

        static void assertRule(Runnable action, String code) {
            assertThatThrownBy(action::run).isInstanceOfSatisfying(BusinessRuleException.class,
                    e -> assertThat(e.code()).isEqualTo(code));
        }

        NewTrackingEvent event(TrackingEventType type, Instant at) {
            return new NewTrackingEvent(type, at, "上海转运中心", type.name());
        }

        // --- creation ----------------------------------------------------------------------------------------

        @Test
        void createsAShipmentForTheUnitsItsReservationHoldsAndSaysWhoCreatedItAndWhen() {
            String member = signIn();
            Order order = fixtures.order();

            ShipmentView created = shipments.create(order.shipment());

            assertThat(created.status()).isEqualTo(ShipmentStatus.CREATED);
            assertThat(created.orderReference()).isEqualTo(order.shipment().orderReference());
            assertThat(created.reservationId()).isEqualTo(order.reservation().id());
            assertThat(created.warehouseId()).isEqualTo(order.warehouse().id());
            assertThat(created.lines()).extracting(ShipmentView.Line::quantity).containsExactly(2, 1);
            assertThat(created.destination()).isEqualTo(FulfilmentFixtures.destination());
            assertThat(created.createdBy()).isEqualTo(member);
            assertThat(created.late()).isFalse();
            assertThat(created.stuck()).isFalse();
            ShipmentDetails details = shipments.details(created.id());
            assertThat(details.steps()).singleElement().satisfies(step -> {
                assertThat(step.status()).isEqualTo(ShipmentStatus.CREATED);
                assertThat(step.actor()).isEqualTo(member);
                assertThat(step.at()).isEqualTo(created.createdAt());
            });
            assertThat(details.tracking()).isEmpty();
            await().untilAsserted(() -> assertThat(events.of(ShipmentCreated.class))
                    .contains(new ShipmentCreated(created.id(), created.orderReference(), created.warehouseId(),
                            created.reservationId(), created.promisedAt(), created.createdAt())));
            assertThat(shipments.ofOrder(created.orderReference())).extracting(ShipmentView::id)
                    .containsExactly(created.id());
        }

        @Test
        void refusesBadInputNamingEveryFieldAndWritesNothing() {
            Order order = fixtures.order();
            long before = shipmentCount();
            NewShipment bad = new NewShipment("SO 1/2", null, null,
                    java.util.Arrays.asList(new ShipmentLine(order.skus().get(0).id(), 0), new ShipmentLine(null, 1),
                            new ShipmentLine(order.skus().get(0).id(), 1_000_001)),
                    new Destination(" ", "call me", "上海市", null, "x".repeat(51), "\u0000", "2001"),
                    clock.instant().plus(Duration.ofDays(400)), null);

            assertRefused(() -> shipments.create(bad), InvalidInputException.class, "orderReference", "warehouseId",
                    "reservationId", "lines[0].quantity", "lines[1].skuId", "lines[2].skuId", "lines[2].quantity",
                    "destination.recipientName", "destination.phone", "destination.city", "destination.district",
                    "destination.detail", "destination.postalCode", "promisedAt", "shippingMethod");
            assertRefused(() -> shipments.create(new NewShipment(order.shipment().orderReference(),
                    order.warehouse().id(), order.reservation().id(), List.of(), null, null, ShippingMethod.EXPRESS)),
                    InvalidInputException.class, "lines", "destination", "promisedAt");

            assertThat(shipmentCount()).isEqualTo(before);
        }

        @Test
        void refusesAReservationThatDoesNotHoldExactlyTheShipmentsUnitsInItsWarehouse() {
            Order order = fixtures.order();
            Order other = fixtures.order();
            NewShipment good = order.shipment();
            long before = shipmentCount();

            assertRefused(() -> shipments.create(withLines(good, List.of(new ShipmentLine(order.skus().get(0).id(), 2)))),
                    BusinessRuleException.class, "lines");
            assertRefused(() -> shipments.create(withLines(good, List.of(new ShipmentLine(order.skus().get(0).id(), 3),
                    new ShipmentLine(order.skus().get(1).id(), 1)))), BusinessRuleException.class, "lines");
            assertRule(() -> shipments.create(new NewShipment(good.orderReference(), other.warehouse().id(),
                    good.reservationId(), good.lines(), good.destination(), good.promisedAt(), good.shippingMethod())),
                    "reservation-mismatch");
            assertRefused(() -> shipments.create(new NewShipment(good.orderReference(), new WarehouseId(987_654_321L),
                    good.reservationId(), good.lines(), good.destination(), good.promisedAt(), good.shippingMethod())),
                    NotFoundException.class, "warehouseId");
            assertRefused(() -> shipments.create(new NewShipment(good.orderReference(), good.warehouseId(),
                    new ReservationId(987_654_321L), good.lines(), good.destination(), good.promisedAt(),
                    good.shippingMethod())), NotFoundException.class, "reservationId");
            reservations.release(other.reservation().id());
            assertRule(() -> shipments.create(other.shipment()), "reservation-not-active");

            assertThat(shipmentCount()).isEqualTo(before);
            assertThat(shipments.create(good).status()).isEqualTo(ShipmentStatus.CREATED);
        }

        static NewShipment withLines(NewShipment s, List<ShipmentLine> lines) {
            return new NewShipment(s.orderReference(), s.warehouseId(), s.reservationId(), lines, s.destination(),
                    s.promisedAt(), s.shippingMethod());
        }

        @Test
        void oneReservationBelongsToOneShipmentUntilThatShipmentIsCancelled() {
            Order order = fixtures.order();
            ShipmentView first = shipments.create(order.shipment());

            assertThatThrownBy(() -> shipments.create(order.shipment())).isInstanceOf(ConflictException.class);
            shipments.cancel(first.id(), "地址有误 wrong address");
            ShipmentView second = shipments.create(order.shipment());

            assertThat(second.id()).isNotEqualTo(first.id());
            assertThat(shipments.ofOrder(order.shipment().orderReference())).extracting(ShipmentView::status)
                    .containsExactly(ShipmentStatus.CANCELLED, ShipmentStatus.CREATED);
        }

        // --- the way through the warehouse and to the customer ------------------------------------------------

        @Test
        void walksFromPickingToDeliveryRecordingWhoTookEachStepAndWhen() {
            ShipmentView created = fixtures.created();
            String member = signIn();

            shipments.advance(created.id(), ShipmentStatus.PICKING, "wave 3");
            shipments.advance(created.id(), ShipmentStatus.PACKED, null);
            String trackingNumber = FulfilmentFixtures.sfTrackingNumber();
            ShipmentView dispatched = shipments.dispatch(created.id(), new Dispatch("sf", trackingNumber, null, 800));
            Instant pickedUp = clock.instant().truncatedTo(ChronoUnit.MICROS);
            tracking.record(created.id(), event(TrackingEventType.PICKED_UP, pickedUp));
            Instant signed = pickedUp.plusSeconds(1);
            clock.advance(Duration.ofSeconds(2));
            ShipmentDetails delivered = tracking.record(created.id(), event(TrackingEventType.DELIVERED, signed));

            assertThat(dispatched.carrier()).isEqualTo("SF");
            assertThat(dispatched.trackingNumber()).isEqualTo(trackingNumber);
            assertThat(delivered.shipment().status()).isEqualTo(ShipmentStatus.DELIVERED);
            assertThat(delivered.shipment().deliveredAt()).isEqualTo(signed);
            assertThat(delivered.shipment().punctuality()).isEqualTo(Punctuality.ON_TIME);
            assertThat(delivered.steps()).extracting(ShipmentStep::status).containsExactly(ShipmentStatus.CREATED,
                    ShipmentStatus.PICKING, ShipmentStatus.PACKED, ShipmentStatus.DISPATCHED,
                    ShipmentStatus.IN_TRANSIT, ShipmentStatus.DELIVERED);
            assertThat(delivered.steps()).extracting(ShipmentStep::actor).containsExactly("system", member, member,
                    member, member, member);
            assertThat(delivered.steps().get(1).note()).isEqualTo("wave 3");
            assertThat(delivered.steps().get(3).note()).isEqualTo("SF " + trackingNumber);
            assertThat(delivered.steps().get(3).at()).isEqualTo(dispatched.dispatchedAt());
            assertThat(delivered.steps().get(5).at()).isEqualTo(signed);
            assertThat(delivered.tracking()).extracting(TrackingEventView::source).containsOnly(TrackingSource.MANUAL);
            assertThat(auditLog.find(new AuditQuery(member, null, "shipment", created.id().toString(), null, null),
                    PageQuery.first(20)).items()).extracting(AuditEntry::action).containsExactly(
                    "TRACKING_EVENT_RECORDED", "TRACKING_EVENT_RECORDED", "SHIPMENT_DISPATCHED", "SHIPMENT_PACKED",
                    "SHIPMENT_PICKING");
            await().untilAsserted(() -> assertThat(events.of(ShipmentDelivered.class))
                    .contains(new ShipmentDelivered(created.id(), created.orderReference(), signed, true)));
        }

        @Test
        void dispatchShipsTheReservationSoTheUnitsLeaveTheWarehouseExactlyOnce() {
            Order order = fixtures.order();
            ShipmentView shipment = fixtures.packed(shipments.create(order.shipment()));
            SkuView first = order.skus().get(0);
            assertThat(inventory.level(first.id(), order.warehouse().id()))
                    .isEqualTo(new StockLevel(first.id(), order.warehouse().id(), 10, 2));

            ShipmentView dispatched = shipments.dispatch(shipment.id(),
                    new Dispatch("SF", FulfilmentFixtures.sfTrackingNumber(), new BigDecimal("15.00"), null));
            assertRule(() -> shipments.dispatch(shipment.id(),
                    new Dispatch("SF", FulfilmentFixtures.sfTrackingNumber(), new BigDecimal("15.00"), null)),
                    "illegal-transition");

            assertThat(dispatched.status()).isEqualTo(ShipmentStatus.DISPATCHED);
            assertThat(inventory.level(first.id(), order.warehouse().id()))
                    .isEqualTo(new StockLevel(first.id(), order.warehouse().id(), 8, 0));
            assertThat(reservations.reservation(order.reservation().id()).status()).isEqualTo(ReservationStatus.SHIPPED);
            List<MovementView> ships = inventory.movements(new MovementQuery(null, null, order.warehouse().id(),
                    MovementType.SHIP, null, null, null), PageQuery.first(10)).items();
            assertThat(ships).hasSize(2).allSatisfy(m -> assertThat(m.reservationId()).isEqualTo(order.reservation().id()));
            await().untilAsserted(() -> assertThat(events.of(ShipmentDispatched.class)).contains(new ShipmentDispatched(
                    shipment.id(), shipment.orderReference(), order.reservation().id(), "SF",
                    dispatched.trackingNumber(), dispatched.dispatchedAt())));
        }

        @Test
        void aRefusedDispatchChangesNothingAndPublishesNothing() {
            Order order = fixtures.order();
            ShipmentView shipment = fixtures.packed(shipments.create(order.shipment()));
            reservations.release(order.reservation().id());
            String trackingNumber = FulfilmentFixtures.sfTrackingNumber();

            assertRule(() -> shipments.dispatch(shipment.id(), new Dispatch("SF", trackingNumber, BigDecimal.TEN, null)),
                    "reservation-not-active");

            ShipmentView after = shipments.shipment(shipment.id());
            assertThat(after.status()).isEqualTo(ShipmentStatus.PACKED);
            assertThat(after.trackingNumber()).isNull();
            assertThat(shipments.details(shipment.id()).steps()).extracting(ShipmentStep::status)
                    .doesNotContain(ShipmentStatus.DISPATCHED);
            assertThat(events.of(ShipmentDispatched.class)).noneMatch(e -> e.shipmentId().equals(shipment.id()));
            assertThat(jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE serialized_event LIKE :t")
                    .param("t", "%" + trackingNumber + "%").query(Long.class).single()).isZero();
        }

        @Test
        void refusesIllegalMovesWithoutChangingTheShipment() {
            ShipmentView created = fixtures.created();

            assertRule(() -> shipments.advance(created.id(), ShipmentStatus.PACKED, null), "illegal-transition");
            assertRule(() -> shipments.dispatch(created.id(), new Dispatch("SF", FulfilmentFixtures.sfTrackingNumber(),
                    BigDecimal.ONE, null)), "illegal-transition");
            assertRule(() -> shipments.advance(created.id(), ShipmentStatus.DELIVERED, null), "transition-needs-details");
            assertRule(() -> shipments.advance(created.id(), ShipmentStatus.DISPATCHED, null), "transition-needs-details");
            assertRule(() -> tracking.record(created.id(), event(TrackingEventType.DELIVERED, clock.instant())),
                    "shipment-not-dispatched");
            ShipmentView dispatched = fixtures.dispatched(fixtures.created());
            assertRule(() -> shipments.cancel(dispatched.id(), "changed mind"), "illegal-transition");
            assertRule(() -> shipments.advance(dispatched.id(), ShipmentStatus.PICKING, null), "illegal-transition");
            assertThatThrownBy(() -> shipments.advance(new ShipmentId(987_654_321L), ShipmentStatus.PICKING, null))
                    .isInstanceOf(NotFoundException.class);

            assertThat(shipments.shipment(created.id()).status()).isEqualTo(ShipmentStatus.CREATED);
            assertThat(shipments.details(created.id()).steps()).hasSize(1);
            assertThat(shipments.shipment(dispatched.id()).status()).isEqualTo(ShipmentStatus.DISPATCHED);
        }

        @Test
        void cancellingBeforeDispatchLeavesTheReservationWithTheOrder() {
            Order order = fixtures.order();
            ShipmentView packed = fixtures.packed(shipments.create(order.shipment()));

            assertRefused(() -> shipments.cancel(packed.id(), " "), InvalidInputException.class, "reason");
            ShipmentView cancelled = shipments.cancel(packed.id(), "客户取消 customer cancelled");

            assertThat(cancelled.status()).isEqualTo(ShipmentStatus.CANCELLED);
            assertThat(reservations.reservation(order.reservation().id()).status()).isEqualTo(ReservationStatus.ACTIVE);
            assertThat(shipments.details(packed.id()).steps()).last().satisfies(step -> {
                assertThat(step.status()).isEqualTo(ShipmentStatus.CANCELLED);
                assertThat(step.note()).isEqualTo("客户取消 customer cancelled");
            });
            await().untilAsserted(() -> assertThat(events.of(ShipmentCancelled.class)).anySatisfy(e -> {
                assertThat(e.shipmentId()).isEqualTo(packed.id());
                assertThat(e.reservationId()).isEqualTo(order.reservation().id());
            }));
        }

        // --- dispatch details -----------------------------------------------------------------------------------

        @Test
        void costsTheParcelAtTheCarriersRateUnlessACostIsEntered() {
            ShipmentView byWeight = fixtures.packed(fixtures.created());
            ShipmentView entered = fixtures.packed(fixtures.created());

            // SF: first 1,000 g ¥12.00, then ¥2.00 per further 1,000 g or part of it: 2,300 g = 12 + 2 × 2
            ShipmentView rated = shipments.dispatch(byWeight.id(), new Dispatch("SF",
                    FulfilmentFixtures.sfTrackingNumber(), null, 2300));
            ShipmentView typed = shipments.dispatch(entered.id(), new Dispatch("SF",
                    FulfilmentFixtures.sfTrackingNumber(), new BigDecimal("9.90"), 2300));

            assertThat(rated.logisticsCost()).isEqualTo(Money.of("16.00", Money.CNY));
            assertThat(rated.costBasis()).isEqualTo(CostBasis.CARRIER_RATE);
            assertThat(rated.weightGrams()).isEqualTo(2300);
            assertThat(typed.logisticsCost()).isEqualTo(Money.of("9.90", Money.CNY));
            assertThat(typed.costBasis()).isEqualTo(CostBasis.ENTERED);
        }

        @Test
        void refusesUnknownCarriersMalformedAndTakenTrackingNumbersAndUncostedParcels() {
            ShipmentView first = fixtures.dispatched(fixtures.created());
            ShipmentView packed = fixtures.packed(fixtures.created());

            assertRefused(() -> shipments.dispatch(packed.id(), new Dispatch("UPS", "1Z999", BigDecimal.ONE, null)),
                    InvalidInputException.class, "carrier");
            assertRefused(() -> shipments.dispatch(packed.id(), new Dispatch("SF", "YT1234567890123", BigDecimal.ONE,
                    null)), InvalidInputException.class, "trackingNumber");
            assertRefused(() -> shipments.dispatch(packed.id(), new Dispatch("SF", FulfilmentFixtures.sfTrackingNumber(),
                    null, null)), InvalidInputException.class, "logisticsCost");
            assertRefused(() -> shipments.dispatch(packed.id(), new Dispatch("SF", FulfilmentFixtures.sfTrackingNumber(),
                    new BigDecimal("-1"), 0)), InvalidInputException.class, "logisticsCost", "weightGrams");
            assertRefused(() -> shipments.dispatch(packed.id(), new Dispatch("SF", first.trackingNumber(),
                    BigDecimal.ONE, null)), ConflictException.class, "trackingNumber");

            assertThat(shipments.shipment(packed.id()).status()).isEqualTo(ShipmentStatus.PACKED);
        }

        // --- tracking -------------------------------------------------------------------------------------------

        @Test
        void placesEventsByTheirOwnTimeWhateverOrderTheyArriveIn() {
            ShipmentView shipment = fixtures.dispatched(fixtures.created());
            Instant start = clock.instant().truncatedTo(ChronoUnit.MICROS);
            clock.advance(Duration.ofHours(3));

            tracking.record(shipment.id(), event(TrackingEventType.DELIVERED, start.plus(Duration.ofHours(2))));
            tracking.record(shipment.id(), event(TrackingEventType.PICKED_UP, start));
            ShipmentDetails details = tracking.record(shipment.id(),
                    event(TrackingEventType.OUT_FOR_DELIVERY, start.plus(Duration.ofHours(1))));

            assertThat(details.tracking()).extracting(TrackingEventView::type).containsExactly(
                    TrackingEventType.PICKED_UP, TrackingEventType.OUT_FOR_DELIVERY, TrackingEventType.DELIVERED);
            assertThat(details.shipment().status()).isEqualTo(ShipmentStatus.DELIVERED);
            assertThat(details.shipment().deliveredAt()).isEqualTo(start.plus(Duration.ofHours(2)));
            assertThat(details.shipment().lastTrackedAt()).isEqualTo(start.plus(Duration.ofHours(2)));
            assertThat(details.steps()).extracting(ShipmentStep::status).containsOnlyOnce(ShipmentStatus.DELIVERED)
                    .doesNotContain(ShipmentStatus.IN_TRANSIT);
        }

        @Test
        void refusesEventsFromTheFutureOrFromBeforeTheShipmentNamingTheField() {
            ShipmentView shipment = fixtures.dispatched(fixtures.created());

            assertRefused(() -> tracking.record(shipment.id(), event(TrackingEventType.IN_TRANSIT,
                    clock.instant().plus(Duration.ofHours(1)))), InvalidInputException.class, "occurredAt");
            assertRefused(() -> tracking.record(shipment.id(), event(TrackingEventType.IN_TRANSIT,
                    shipment.createdAt().minus(Duration.ofHours(1)))), InvalidInputException.class, "occurredAt");
            assertRefused(() -> tracking.record(shipment.id(), new NewTrackingEvent(null, null, "x".repeat(201), null)),
                    InvalidInputException.class, "type", "occurredAt", "location");

            assertThat(tracking.timeline(shipment.id())).isEmpty();
        }

        @Test
        void aLossEndsTheShipmentAsAnExceptionAndLaterEventsOnlyJoinTheTimeline() {
            ShipmentView shipment = fixtures.dispatched(fixtures.created());
            Instant lost = clock.instant().truncatedTo(ChronoUnit.MICROS);

            tracking.record(shipment.id(), event(TrackingEventType.LOST, lost));
            ShipmentDetails details = tracking.record(shipment.id(), event(TrackingEventType.DELIVERED, lost));

            assertThat(details.shipment().status()).isEqualTo(ShipmentStatus.EXCEPTION);
            assertThat(details.shipment().exceptionReason()).isEqualTo(ExceptionReason.LOST);
            assertThat(details.shipment().deliveredAt()).isNull();
            assertThat(details.tracking()).hasSize(2);
            await().untilAsserted(() -> assertThat(events.of(ShipmentException.class)).contains(
                    new ShipmentException(shipment.id(), shipment.orderReference(), ExceptionReason.LOST, lost)));
        }

        // --- late, stuck and performance ------------------------------------------------------------------------

        @Test
        void judgesLateAndStuckByTheClock() {
            Instant now = clock.instant();
            ShipmentView promisedTomorrow = fixtures.dispatched(shipments.create(
                    fixtures.order(now.plus(Duration.ofDays(1)), 1).shipment()));
            ShipmentView promisedInThreeDays = fixtures.dispatched(shipments.create(
                    fixtures.order(now.plus(Duration.ofDays(3)), 1).shipment()));
            ShipmentView waiting = shipments.create(fixtures.order(now.plus(Duration.ofDays(1)), 1).shipment());

            clock.advance(Duration.ofHours(47));
            assertThat(flags(promisedTomorrow.id())).containsExactly(true, false);
            assertThat(flags(promisedInThreeDays.id())).containsExactly(false, false);
            assertThat(flags(waiting.id())).containsExactly(true, false);

            clock.advance(Duration.ofHours(2));
            assertThat(flags(promisedTomorrow.id())).containsExactly(true, true);
            assertThat(flags(promisedInThreeDays.id())).containsExactly(false, true);
            assertThat(flags(waiting.id())).as("not with a carrier: never stuck").containsExactly(true, false);
            assertThat(ids(shipments.find(new ShipmentQuery(null, null, null, null, true, false), PageQuery.first(200))
                    .items())).contains(promisedTomorrow.id(), waiting.id()).doesNotContain(promisedInThreeDays.id());
            assertThat(ids(shipments.find(new ShipmentQuery(null, null, "SF", null, false, true), PageQuery.first(200))
                    .items())).contains(promisedTomorrow.id(), promisedInThreeDays.id()).doesNotContain(waiting.id());
            assertThat(ids(performance.lateOrStuck(PageQuery.first(200)).items()))
                    .contains(promisedTomorrow.id(), promisedInThreeDays.id(), waiting.id());

            tracking.record(promisedInThreeDays.id(), event(TrackingEventType.IN_TRANSIT, clock.instant()));
            assertThat(flags(promisedInThreeDays.id())).containsExactly(false, false);
            assertThat(ids(performance.lateOrStuck(PageQuery.first(200)).items())).doesNotContain(promisedInThreeDays.id());
        }

        List<Boolean> flags(ShipmentId id) {
            ShipmentView shipment = shipments.shipment(id);
            return List.of(shipment.late(), shipment.stuck());
        }

        static List<ShipmentId> ids(List<ShipmentView> shipments) {
            return shipments.stream().map(ShipmentView::id).toList();
        }

        @Test
        void aShipmentSignedForAfterItsPromiseIsLate() {
            Instant now = clock.instant();
            ShipmentView shipment = fixtures.dispatched(shipments.create(
                    fixtures.order(now.plus(Duration.ofHours(1)), 1).shipment()));
            clock.advance(Duration.ofHours(2));
            Instant signed = clock.instant().truncatedTo(ChronoUnit.MICROS);

            ShipmentView delivered = tracking.record(shipment.id(), event(TrackingEventType.DELIVERED, signed)).shipment();

            assertThat(delivered.punctuality()).isEqualTo(Punctuality.LATE);
            assertThat(delivered.late()).isTrue();
            assertThat(delivered.stuck()).isFalse();
            assertThat(ids(performance.lateOrStuck(PageQuery.first(200)).items())).doesNotContain(shipment.id());
            await().untilAsserted(() -> assertThat(events.of(ShipmentDelivered.class))
                    .contains(new ShipmentDelivered(shipment.id(), shipment.orderReference(), signed, false)));
        }

        @Test
        void reportsOnTimeRateAverageDeliveryTimeAndCostOfThePeriodsDeliveries() {
            clock.advance(Duration.ofDays(1));
            Instant start = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Instant promise = start.plus(Duration.ofDays(1));
            List<ShipmentView> dispatched = List.of(
                    fixtures.dispatched(shipments.create(fixtures.order(promise, 1).shipment())),
                    fixtures.dispatched(shipments.create(fixtures.order(promise, 1).shipment())),
                    fixtures.dispatched(shipments.create(fixtures.order(promise, 1).shipment())));
            clock.advance(Duration.ofDays(2));
            int[] hours = { 12, 20, 30 };
            for (int i = 0; i < 3; i++) {
                tracking.record(dispatched.get(i).id(), event(TrackingEventType.DELIVERED,
                        start.plus(Duration.ofHours(hours[i]))));
            }

            DeliveryPerformanceReport report = performance.report(start, clock.instant());

            DeliveryPerformanceReport.Figures overall = report.overall();
            assertThat(overall.delivered()).isEqualTo(3);
            assertThat(overall.onTime()).isEqualTo(2);
            assertThat(overall.late()).isEqualTo(1);
            assertThat(overall.onTimeRate()).isEqualByComparingTo("0.6667");
            assertThat(overall.averageDeliveryHours()).isEqualByComparingTo("20.7");
            assertThat(overall.logisticsCost()).isEqualTo(Money.of("45.00", Money.CNY));
            assertThat(overall.averageLogisticsCost()).isEqualTo(Money.of("15.00", Money.CNY));
            assertThat(report.byCarrier()).singleElement().satisfies(sf -> {
                assertThat(sf.carrier()).isEqualTo("SF");
                assertThat(sf.delivered()).isEqualTo(3);
            });
            assertThat(performance.report(start, start.plus(Duration.ofHours(13))).overall().delivered()).isEqualTo(1);
            assertRefused(() -> performance.report(start, start), InvalidInputException.class, "to");
        }

        // --- pick lists -----------------------------------------------------------------------------------------

        @Test
        void aPickListGroupsTheWaitingShipmentsLinesBySkuWithTheCatalogsNames() {
            Order first = fixtures.order(clock.instant().plus(Duration.ofDays(2)), 2, 1);
            Order second = fixtures.order(first.warehouse(), first.skus().subList(0, 1), 3);
            Order third = fixtures.order(first.warehouse(), first.skus().subList(1, 2), 4);
            ShipmentView a = shipments.create(first.shipment());
            ShipmentView b = shipments.create(second.shipment());
            shipments.advance(b.id(), ShipmentStatus.PICKING, null);
            fixtures.packed(shipments.create(third.shipment()));

            PickList list = pickLists.pickList(first.warehouse().id());

            assertThat(list.shipments()).isEqualTo(2);
            assertThat(list.openShipments()).isEqualTo(2);
            assertThat(list.truncated()).isFalse();
            assertThat(list.units()).isEqualTo(6);
            SkuView shared = first.skus().get(0);
            assertThat(list.lines()).extracting(PickList.Line::skuCode)
                    .containsExactly(first.skus().get(0).skuCode(), first.skus().get(1).skuCode());
            assertThat(list.lines().get(0)).satisfies(line -> {
                assertThat(line.skuId()).isEqualTo(shared.id());
                assertThat(line.quantity()).isEqualTo(5);
                assertThat(line.title()).startsWith("库存测试商品");
                assertThat(line.spec()).isEqualTo("S0");
                assertThat(line.allocations()).extracting(PickList.Allocation::shipmentId, PickList.Allocation::quantity,
                        PickList.Allocation::status).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(a.id(), 2, ShipmentStatus.CREATED),
                        org.assertj.core.groups.Tuple.tuple(b.id(), 3, ShipmentStatus.PICKING));
            });
            assertThat(list.lines().get(1).quantity()).as("the packed shipment's 4 are not to pick").isEqualTo(1);
            assertThatThrownBy(() -> pickLists.pickList(new WarehouseId(987_654_321L)))
                    .isInstanceOf(NotFoundException.class);
        }

        // --- personal data --------------------------------------------------------------------------------------

        @Test
        void keepsNoPlaintextRecipientPhoneOrAddressInTheDatabaseNorInTheAuditLog() {
            signIn();
            ShipmentView shipment = fixtures.dispatched(fixtures.created());

            for (String column : List.of("recipient_name", "recipient_phone", "detail_address")) {
                assertThat(jdbc.sql("SELECT " + column + " FROM shipment WHERE id = :id")
                        .param("id", shipment.id().value()).query(String.class).single())
                        .as(column).startsWith("v1:")
                        .doesNotContain(FulfilmentFixtures.RECIPIENT, FulfilmentFixtures.PHONE, "张江路", "1201");
            }
            List<String> everything = jdbc.sql("SELECT recipient_name || recipient_phone || detail_address FROM shipment")
                    .query(String.class).list();
            assertThat(everything).noneMatch(text -> text.contains(FulfilmentFixtures.PHONE)
                    || text.contains(FulfilmentFixtures.RECIPIENT) || text.contains("张江路"));
            List<AuditEntry> entries = auditLog.find(new AuditQuery(null, null, "shipment", shipment.id().toString(),
                    null, null), PageQuery.first(20)).items();
            assertThat(entries).isNotEmpty().allSatisfy(entry -> assertThat(entry.before() + " " + entry.after())
                    .doesNotContain(FulfilmentFixtures.PHONE, FulfilmentFixtures.RECIPIENT, "张江路")
                    .contains("139****5678"));
            assertThat(jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE serialized_event LIKE :p")
                    .param("p", "%" + FulfilmentFixtures.PHONE + "%").query(Long.class).single()).isZero();
        }
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
