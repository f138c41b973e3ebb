package io.shopops.ordering;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.shopops.catalog.SkuId;
import io.shopops.fulfilment.Destination;
import io.shopops.fulfilment.NewShipment;
import io.shopops.fulfilment.ShipmentDispatched;
import io.shopops.fulfilment.ShipmentLine;
import io.shopops.fulfilment.ShipmentStatus;
import io.shopops.fulfilment.ShipmentView;
import io.shopops.fulfilment.Shipments;
import io.shopops.fulfilment.ShippingMethod;
import io.shopops.inventory.Inventory;
import io.shopops.inventory.MutableClock;
import io.shopops.inventory.ReservationStatus;
import io.shopops.inventory.ReservationView;
import io.shopops.inventory.Reservations;
import io.shopops.inventory.WarehouseView;
import io.shopops.payment.PaymentId;
import io.shopops.payment.PaymentQuery;
import io.shopops.payment.PaymentStatus;
import io.shopops.payment.PaymentSucceeded;
import io.shopops.payment.Payments;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.FieldViolation;
import io.shopops.shared.InvalidInputException;
import io.shopops.shared.Money;
import io.shopops.shared.PageQuery;
import io.shopops.testing.PostgresTest;
import io.shopops.testing.ShopOpsTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static io.shopops.ordering.OrderFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** An order's life after checkout, driven by the real payment and fulfilment modules, on H2 and on PostgreSQL. */
class OrderLifecycleContractTests {

    abstract static class Contract {

        @Autowired
        Orders orders;
        @Autowired
        OrderFixtures fixtures;
        @Autowired
        Inventory inventory;
        @Autowired
        Reservations reservations;
        @Autowired
        Payments payments;
        @Autowired
        Shipments shipments;
        @Autowired
        MutableClock clock;
        @Autowired
        JdbcClient jdbc;
        @Autowired
        ApplicationEventPublisher events;
        @Autowired
        PlatformTransactionManager transactions;
        @Autowired
        OrderingTestConfiguration.OrderEvents delivered;

        static Money cny(String amount) {
            return Money.of(amount, Money.CNY);
        }

        /** An order of 3 units from Shanghai's warehouse and 2 from Guangzhou's (none holds all 5). */
        record Placed(OrderFixtures.Shopper shopper, OrderView order, SkuId sku, WarehouseView east,
                WarehouseView south) {
        }

        Placed placed() {
            SkuId sku = fixtures.sku("30.00");
            WarehouseView east = fixtures.warehouse("华东");
            WarehouseView south = fixtures.warehouse("华南");
            fixtures.stock(sku, east, 3);
            fixtures.stock(sku, south, 4);
            OrderFixtures.Shopper shopper = fixtures.shopper();
            return new Placed(shopper, fixtures.place(shopper, line(sku, 5)), sku, east, south);
        }

        List<ReservationView> reservationsOf(OrderView order) {
            return reservations.find(null, null, PageQuery.first(200)).items().stream()
                    .filter(r -> r.reference().startsWith(order.orderNumber() + "/")).toList();
        }

        long released(ReservationView reservation) {
            return jdbc.sql("SELECT COUNT(*) FROM stock_movement WHERE reservation_id = :id AND movement_type = 'RELEASE'")
                    .param("id", reservation.id().value()).query(Long.class).single();
        }

        long timeline(OrderId order, TimelineEntry.Kind kind) {
            return orders.detail(order).timeline().stream().filter(e -> e.kind() == kind).count();
        }

        void publish(Object event) {
            new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(event));
        }

        /** Waits until every listener has handled every event that names the order (the outbox says so). */
        void awaitEventsHandled(OrderView order) {
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                    "SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE :number")
                    .param("number", "%" + order.orderNumber() + "%").query(Long.class).single() == 0);
        }

        @Test
        void aPaidOrderHoldsItsStockUntilShippedAndGoesToFulfilmentAsOneShipmentPerWarehouse() {
            Placed placed = placed();

            OrderPayment payment = fixtures.pay(placed.shopper(), placed.order());

            assertThat(payment.cashierUrl()).isNotBlank();
            assertThat(payment.amount()).isEqualTo(cny("150.00"));
            OrderDetail order = fixtures.await(placed.order().id(), OrderStatus.ALLOCATED);
            assertThat(order.paidAmount()).isEqualTo(cny("150.00"));
            assertThat(order.paidAt()).isNotNull();
            assertThat(order.payments()).singleElement().satisfies(p -> {
                assertThat(p.paymentId()).isEqualTo(payment.paymentId().value());
                assertThat(p.outcome()).isEqualTo("ACCEPTED");
            });
            assertThat(order.abnormal()).isFalse();
            assertThat(reservationsOf(placed.order())).hasSize(2).allSatisfy(r -> {
                assertThat(r.status()).isEqualTo(ReservationStatus.ACTIVE);
                assertThat(r.expiresAt()).isNull();
            });
            List<ShipmentView> parcels = fixtures.shipments(placed.order());
            assertThat(parcels).hasSize(2).allSatisfy(s -> {
                assertThat(s.destination().recipientName()).isEqualTo("张三");
                assertThat(s.promisedAt()).isEqualTo(order.paidAt().plus(Duration.ofDays(3)));
            });
            assertThat(parcels).extracting(s -> s.lines().getFirst().quantity()).containsExactlyInAnyOrder(3, 2);
            assertThat(order.allocations()).extracting(OrderDetail.AllocationView::status)
                    .containsOnly("SHIPMENT_CREATED");
            assertThat(order.timeline()).extracting(TimelineEntry::kind).containsSubsequence(TimelineEntry.Kind.PLACED,
                    TimelineEntry.Kind.PAYMENT_STARTED, TimelineEntry.Kind.PAID, TimelineEntry.Kind.ALLOCATED);
            assertThat(orders.order(placed.shopper().id(), placed.order().id()).timeline())
                    .extracting(TimelineEntry::actor).doesNotContain(placed.shopper().id().toString());
        }

        @Test
        void parcelsTakeTheOrderThroughPartiallyShippedShippedAndDeliveredAndTheJobCompletesItAWeekLater() {
            Placed placed = placed();
            fixtures.pay(placed.shopper(), placed.order());
            fixtures.await(placed.order().id(), OrderStatus.ALLOCATED);
            List<ShipmentView> parcels = fixtures.shipments(placed.order());

            fixtures.dispatch(parcels.get(0));
            fixtures.await(placed.order().id(), OrderStatus.PARTIALLY_SHIPPED);
            fixtures.dispatch(parcels.get(1));
            OrderDetail shipped = fixtures.await(placed.order().id(), OrderStatus.SHIPPED);
            assertThat(shipped.allocations()).allSatisfy(a -> assertThat(a.trackingNumber()).startsWith("SF"));
            assertThatThrownBy(() -> orders.cancel(placed.order().id(), "the customer changed their mind"))
                    .isInstanceOfSatisfying(BusinessRuleException.class,
                            e -> assertThat(e.getMessage()).contains("SHIPPED → CANCELLED"));
            assertThat(orders.detail(placed.order().id()).timeline()).hasSameSizeAs(shipped.timeline());
            assertThat(inventory.level(placed.sku(), placed.east().id()).onHand()).isZero();
            assertThat(inventory.level(placed.sku(), placed.south().id()).onHand()).isEqualTo(2);

            fixtures.deliver(parcels.get(1));
            await().atMost(Duration.ofSeconds(20)).until(() -> timeline(placed.order().id(),
                    TimelineEntry.Kind.PARCEL_DELIVERED) == 1);
            assertThat(orders.detail(placed.order().id()).status()).isEqualTo(OrderStatus.SHIPPED);
            fixtures.deliver(parcels.get(0));
            fixtures.await(placed.order().id(), OrderStatus.DELIVERED);

            orders.completeDelivered();
            assertThat(orders.detail(placed.order().id()).status()).isEqualTo(OrderStatus.DELIVERED);
            clock.advance(Duration.ofDays(7).plusMinutes(1));
            assertThat(orders.completeDelivered()).isPositive();
            OrderDetail completed = orders.detail(placed.order().id());
            assertThat(completed.status()).isEqualTo(OrderStatus.COMPLETED);
            assertThat(completed.completedAt()).isNotNull();
            assertThat(orders.order(placed.shopper().id(), placed.order().id()).timeline())
                    .extracting(TimelineEntry::kind).endsWith(TimelineEntry.Kind.COMPLETED);
            OrderId id = placed.order().id();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(delivered.of(OrderPaid.class)).filteredOn(e -> e.orderId().equals(id)).singleElement()
                        .satisfies(e -> assertThat(e.amount()).isEqualTo(cny("150.00")));
                assertThat(delivered.of(OrderAllocated.class)).filteredOn(e -> e.orderId().equals(id)).singleElement()
                        .satisfies(e -> assertThat(e.warehouses()).containsExactlyInAnyOrder(placed.east().id(),
                                placed.south().id()));
                assertThat(delivered.of(OrderShipped.class)).filteredOn(e -> e.orderId().equals(id)).hasSize(1);
                assertThat(delivered.of(OrderDelivered.class)).filteredOn(e -> e.orderId().equals(id)).hasSize(1);
                assertThat(delivered.of(OrderCompleted.class)).filteredOn(e -> e.orderId().equals(id)).singleElement()
                        .satisfies(e -> assertThat(e.customerId()).isEqualTo(placed.shopper().id()));
            });
        }

        @Test
        void theCustomerCancelsBeforePayingTheStockGoesBackOnceAndTheOpenPaymentIsClosed() {
            Placed placed = placed();
            OrderPayment payment = fixtures.startPayment(placed.shopper(), placed.order());

            OrderView cancelled = orders.cancel(placed.shopper().id(), placed.order().id(), null);

            assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(cancelled.cancelReason()).isEqualTo("cancelled by the customer");
            assertThat(inventory.level(placed.sku(), placed.east().id()).reserved()).isZero();
            assertThat(inventory.level(placed.sku(), placed.south().id()).reserved()).isZero();
            assertThat(reservationsOf(placed.order())).allSatisfy(r -> {
                assertThat(r.status()).isEqualTo(ReservationStatus.RELEASED);
                assertThat(released(r)).isEqualTo(1);
            });
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> payments.payment(payment.paymentId()).status() == PaymentStatus.CLOSED);
            assertThatThrownBy(() -> orders.cancel(placed.shopper().id(), placed.order().id(), null))
                    .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                        assertThat(e.code()).isEqualTo("illegal-transition");
                        assertThat(e.getMessage()).contains("CANCELLED → CANCELLED");
                    });
            long payments = this.payments.find(new PaymentQuery(null, placed.order().orderNumber(), null, null, null),
                    PageQuery.first(10)).totalItems();
            assertThatThrownBy(() -> orders.pay(placed.shopper().id(), placed.order().id(), "sandbox"))
                    .isInstanceOfSatisfying(BusinessRuleException.class,
                            e -> assertThat(e.getMessage()).contains("CANCELLED → PAID"));
            assertThat(this.payments.find(new PaymentQuery(null, placed.order().orderNumber(), null, null, null),
                    PageQuery.first(10)).totalItems()).isEqualTo(payments);
        }

        @Test
        void anOrderFulfilmentRefusesIsFlaggedAndHeldForReviewRatherThanRetriedForEver() {
            Placed placed = placed();
            ReservationView east = reservationsOf(placed.order()).stream()
                    .filter(r -> r.lines().getFirst().warehouseId().equals(placed.east().id())).findFirst().orElseThrow();
            // somebody in the warehouse made a shipment of the order's east reservation by hand
            shipments.create(new NewShipment(placed.order().orderNumber(), placed.east().id(), east.id(),
                    List.of(new ShipmentLine(placed.sku(), 3)), new Destination("李四", "13900139000", "上海市", "上海市",
                            "黄浦区", "南京东路 1 号", "200001"), Instant.now(clock).plus(Duration.ofDays(3)),
                    ShippingMethod.STANDARD));

            fixtures.pay(placed.shopper(), placed.order());

            OrderDetail held = fixtures.await(placed.order().id(), OrderStatus.UNDER_REVIEW);
            assertThat(held.abnormal()).isTrue();
            assertThat(held.abnormalReason()).startsWith("fulfilment refused its shipments");
            assertThat(held.allocations()).extracting(OrderDetail.AllocationView::status).containsOnly("RESERVED");
            assertThat(fixtures.shipments(placed.order())).hasSize(1);
        }

        @Test
        void staffCancellingAPaidOrderCancelItsShipmentsReleasesItsStockAndRefundsItInFull() {
            Placed placed = placed();
            fixtures.pay(placed.shopper(), placed.order());
            fixtures.await(placed.order().id(), OrderStatus.ALLOCATED);

            assertThatThrownBy(() -> orders.cancel(placed.order().id(), " "))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                            .extracting(FieldViolation::field).containsExactly("reason"));
            OrderDetail cancelled = orders.cancel(placed.order().id(), "customer called: wrong size");

            assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(fixtures.shipments(placed.order())).extracting(ShipmentView::status)
                    .containsOnly(ShipmentStatus.CANCELLED);
            assertThat(inventory.level(placed.sku(), placed.east().id()).available()).isEqualTo(3);
            assertThat(inventory.level(placed.sku(), placed.south().id()).available()).isEqualTo(4);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> orders.detail(placed.order().id()).refundedAmount().equals(cny("150.00")));
            OrderDetail refunded = orders.detail(placed.order().id());
            assertThat(refunded.refunds()).singleElement().satisfies(r -> assertThat(r.amount()).isEqualTo(cny("150.00")));
            assertThat(refunded.timeline()).extracting(TimelineEntry::kind).contains(TimelineEntry.Kind.REFUND_REQUESTED,
                    TimelineEntry.Kind.REFUNDED);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(delivered.of(OrderCancelled.class))
                    .filteredOn(e -> e.orderId().equals(placed.order().id())).singleElement().satisfies(e -> {
                        assertThat(e.cancelledBy()).isEqualTo(OrderCancelled.CancelledBy.STAFF);
                        assertThat(e.previousStatus()).isEqualTo(OrderStatus.ALLOCATED);
                        assertThat(e.refund()).isEqualTo(cny("150.00"));
                    }));
        }

        @Test
        void nobodyCancelsAnOrderOnceItsFirstParcelHasLeft() {
            Placed placed = placed();
            fixtures.pay(placed.shopper(), placed.order());
            fixtures.await(placed.order().id(), OrderStatus.ALLOCATED);
            fixtures.dispatch(fixtures.shipments(placed.order()).getFirst());
            fixtures.await(placed.order().id(), OrderStatus.PARTIALLY_SHIPPED);

            assertThatThrownBy(() -> orders.cancel(placed.order().id(), "too late"))
                    .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                        assertThat(e.code()).isEqualTo("illegal-transition");
                        assertThat(e.getMessage()).contains("PARTIALLY_SHIPPED → CANCELLED");
                    });
            assertThatThrownBy(() -> orders.cancel(placed.shopper().id(), placed.order().id(), null))
                    .isInstanceOf(BusinessRuleException.class);
            assertThat(orders.detail(placed.order().id()).status()).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
        }

        @Test
        void theJobCancelsOrdersUnpaidWhenTheirWindowClosesExactlyOnceAndLeavesPaidOnesAlone() {
            Placed unpaid = placed();
            Placed paid = placed();
            fixtures.pay(paid.shopper(), paid.order());
            fixtures.await(paid.order().id(), OrderStatus.ALLOCATED);

            orders.cancelUnpaid();
            assertThat(orders.detail(unpaid.order().id()).status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
            clock.advance(Duration.ofMinutes(31));
            assertThatThrownBy(() -> orders.pay(unpaid.shopper().id(), unpaid.order().id(), "sandbox"))
                    .isInstanceOfSatisfying(BusinessRuleException.class,
                            e -> assertThat(e.code()).isEqualTo("payment-window-closed"));
            assertThat(orders.cancelUnpaid()).isPositive();
            orders.cancelUnpaid();

            OrderDetail cancelled = orders.detail(unpaid.order().id());
            assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(cancelled.cancelReason()).isEqualTo("not paid within 30 minutes");
            assertThat(reservationsOf(unpaid.order())).allSatisfy(r -> assertThat(released(r)).isEqualTo(1));
            assertThat(inventory.level(unpaid.sku(), unpaid.east().id()).reserved()).isZero();
            assertThat(orders.detail(paid.order().id()).status()).isEqualTo(OrderStatus.ALLOCATED);
            assertThat(inventory.level(paid.sku(), paid.east().id()).reserved()).isEqualTo(3);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(delivered.of(OrderCancelled.class))
                    .filteredOn(e -> e.orderId().equals(unpaid.order().id())).singleElement().satisfies(e -> {
                        assertThat(e.cancelledBy()).isEqualTo(OrderCancelled.CancelledBy.PAYMENT_WINDOW);
                        assertThat(e.refund()).isEqualTo(cny("0.00"));
                    }));
        }

        @Test
        void aPaymentThatArrivesForACancelledOrderIsRefundedInFullAndTheOrderFlagged() {
            Placed placed = placed();
            OrderPayment payment = fixtures.startPayment(placed.shopper(), placed.order());
            String paidAtTheProvider = fixtures.payAtCashier(payment);

            orders.cancel(placed.shopper().id(), placed.order().id(), "changed my mind");
            fixtures.deliver(paidAtTheProvider);

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> orders.detail(placed.order().id()).refundedAmount().equals(cny("150.00")));
            OrderDetail order = orders.detail(placed.order().id());
            assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(order.abnormal()).isTrue();
            assertThat(order.abnormalReason()).contains("paid after the order was cancelled");
            assertThat(order.payments()).singleElement().satisfies(p -> assertThat(p.outcome()).isEqualTo("REFUND_DUE"));
            assertThat(order.timeline()).extracting(TimelineEntry::kind).contains(TimelineEntry.Kind.PAYMENT_REFUND_DUE,
                    TimelineEntry.Kind.FLAGGED_ABNORMAL, TimelineEntry.Kind.REFUNDED);
            assertThat(inventory.level(placed.sku(), placed.east().id()).reserved()).isZero();
        }

        @Test
        void aPaymentOfAnotherAmountIsTakenButFlagsTheOrderAndHoldsItForReviewAndARepeatChangesNothing() {
            Placed placed = placed();
            PaymentSucceeded underpaid = new PaymentSucceeded(new PaymentId(9_000_000_000L + placed.order().id().value()),
                    placed.order().orderNumber(), cny("149.00"), "sandbox", "TX-" + placed.order().id(),
                    Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MICROS));

            publish(underpaid);
            OrderDetail held = fixtures.await(placed.order().id(), OrderStatus.UNDER_REVIEW);
            publish(underpaid);
            publish(underpaid);
            awaitEventsHandled(placed.order());

            assertThat(held.abnormal()).isTrue();
            assertThat(held.abnormalReason()).contains("149.00").contains("150.00");
            assertThat(held.paidAmount()).isEqualTo(cny("149.00"));
            OrderDetail after = orders.detail(placed.order().id());
            assertThat(after.payments()).hasSize(1);
            assertThat(after.paidAmount()).isEqualTo(cny("149.00"));
            assertThat(after.timeline()).filteredOn(e -> e.kind() == TimelineEntry.Kind.PAID).hasSize(1);

            OrderDetail cleared = orders.clearAbnormal(placed.order().id(), "the customer paid the difference in store");
            assertThat(cleared.abnormal()).isFalse();
            OrderDetail released = orders.release(placed.order().id());
            assertThat(released.status()).isEqualTo(OrderStatus.ALLOCATED);
            assertThat(fixtures.shipments(placed.order())).hasSize(2);
        }

        @Test
        void aRepeatedParcelEventChangesNothing() {
            Placed placed = placed();
            fixtures.pay(placed.shopper(), placed.order());
            fixtures.await(placed.order().id(), OrderStatus.ALLOCATED);
            ShipmentView first = fixtures.dispatch(fixtures.shipments(placed.order()).getFirst());
            fixtures.await(placed.order().id(), OrderStatus.PARTIALLY_SHIPPED);

            publish(new ShipmentDispatched(first.id(), first.orderReference(), first.reservationId(), first.carrier(),
                    first.trackingNumber(), first.dispatchedAt()));
            awaitEventsHandled(placed.order());

            OrderDetail order = orders.detail(placed.order().id());
            assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
            assertThat(order.timeline()).filteredOn(e -> e.kind() == TimelineEntry.Kind.PARCEL_DISPATCHED).hasSize(1);
        }

        @Test
        void staffHoldAPaidOrderForReviewFlagItAndNoteItAllOnTheTimeline() {
            Placed placed = placed();
            fixtures.pay(placed.shopper(), placed.order());
            OrderId id = placed.order().id();
            fixtures.await(id, OrderStatus.ALLOCATED);

            assertThatThrownBy(() -> orders.hold(id, "address looks fake"))
                    .isInstanceOfSatisfying(BusinessRuleException.class,
                            e -> assertThat(e.getMessage()).contains("ALLOCATED → UNDER_REVIEW"));
            orders.addNote(id, "客户来电确认地址");
            orders.flagAbnormal(id, "收货地址与下单 IP 不符");
            assertThatThrownBy(() -> orders.release(id)).isInstanceOf(BusinessRuleException.class);

            OrderDetail order = orders.detail(id);
            assertThat(order.abnormal()).isTrue();
            assertThat(order.timeline()).extracting(TimelineEntry::kind).endsWith(TimelineEntry.Kind.NOTE,
                    TimelineEntry.Kind.FLAGGED_ABNORMAL);
            assertThat(orders.order(placed.shopper().id(), id).timeline()).extracting(TimelineEntry::kind)
                    .doesNotContain(TimelineEntry.Kind.NOTE, TimelineEntry.Kind.FLAGGED_ABNORMAL);
            assertThat(orders.find(new OrderQuery(null, null, null, null, null, null, placed.shopper().id(), true,
                    null), PageQuery.first(10)).items()).extracting(OrderSummary::id).containsExactly(id);
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
