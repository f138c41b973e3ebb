package io.shopops.ordering;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.shopops.customer.CustomerId;
import io.shopops.ordering.internal.AllocationRecord;
import io.shopops.ordering.internal.OrderLineRecord;
import io.shopops.ordering.internal.OrderRecord;
import io.shopops.ordering.internal.OrderRepository;
import io.shopops.ordering.internal.TimelineRepository;
import io.shopops.shared.Actors;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.privacy.PersonalData;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What the ordering facades share: the time of a change, the acting party, status changes through the state table
 * (one conditional UPDATE each, with its timeline entry), events, and the views. Not part of the module's API.
 */
@Component
class OrderSupport {

    private final OrderRepository orders;
    private final TimelineRepository timeline;
    private final PersonalData personalData;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrderSupport(OrderRepository orders, TimelineRepository timeline, PersonalData personalData,
            ApplicationEventPublisher events, Clock clock) {
        this.orders = orders;
        this.timeline = timeline;
        this.personalData = personalData;
        this.events = events;
        this.clock = clock;
    }

    /** Now, to the microsecond that both databases store. */
    Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("yyMMdd");

    /** The order number of an order placed at {@code placedAt}: SO, the shop's day (yyMMdd) and the id in 10 digits. */
    static String number(OrderId id, Instant placedAt, java.time.ZoneId zone) {
        return "SO" + DAY.format(placedAt.atZone(zone)) + "%010d".formatted(id.value());
    }

    /** Who acts: a staff member's username, {@code customer:<id>}, or {@code system} (jobs, listeners). */
    static String actor() {
        return Actors.current().username();
    }

    OrderRecord order(OrderId id) {
        return orders.find(id).orElseThrow(() -> NotFoundException.of("Order", id));
    }

    /** The customer's own order; another customer's is as missing as one that does not exist (404). */
    OrderRecord orderOf(CustomerId customer, OrderId id) {
        return orders.find(id).filter(o -> o.customerId() == customer.value())
                .orElseThrow(() -> NotFoundException.of("Order", id));
    }

    /** The states from which an order may move to {@code target}, by the state table. */
    static Set<OrderStatus> before(OrderStatus target) {
        Set<OrderStatus> from = EnumSet.noneOf(OrderStatus.class);
        for (OrderStatus status : OrderStatus.values()) {
            if (status.canMoveTo(target)) {
                from.add(status);
            }
        }
        return from;
    }

    /**
     * Moves the order from {@code expected} (the status the caller saw) to {@code to} if the state table allows
     * it, and writes the timeline entry; false when the order is no longer in {@code expected} (another change
     * won) or the move is not allowed.
     */
    boolean tryMove(OrderId id, OrderStatus expected, OrderStatus to, TimelineEntry.Kind kind,
            @Nullable String detail, Instant now) {
        return tryMove(id, expected, to, kind, detail, now, now);
    }

    /** Like {@link #tryMove(OrderId, OrderStatus, OrderStatus, TimelineEntry.Kind, String, Instant)}, the status's
     * own time being {@code at} (a payment's capture time) rather than now. */
    boolean tryMove(OrderId id, OrderStatus expected, OrderStatus to, TimelineEntry.Kind kind,
            @Nullable String detail, Instant now, Instant at) {
        if (!expected.canMoveTo(to) || !orders.transition(id, Set.of(expected), to, now, at,
                to == OrderStatus.CANCELLED ? detail : null)) {
            return false;
        }
        timeline.append(id, now, kind, expected, to, actor(), detail);
        return true;
    }

    /**
     * Moves the order from its status as read (which must be one of {@code from}, or any when empty) to {@code to};
     * refused with 422 {@code illegal-transition} naming both when the table does not allow it or the order moved
     * meanwhile.
     */
    void move(OrderRecord order, Set<OrderStatus> from, OrderStatus to, TimelineEntry.Kind kind,
            @Nullable String detail, Instant now) {
        if (!(from.isEmpty() || from.contains(order.status())) || !order.status().canMoveTo(to)) {
            throw illegal(order, to);
        }
        if (!orders.transition(order.id(), Set.of(order.status()), to, now, now,
                to == OrderStatus.CANCELLED ? detail : null)) {
            throw illegal(order(order.id()), to);
        }
        timeline.append(order.id(), now, kind, order.status(), to, actor(), detail);
    }

    static BusinessRuleException illegal(OrderRecord order, OrderStatus to) {
        return new BusinessRuleException("illegal-transition", "status",
                "Order %s is %s and cannot become %s (%s → %s)".formatted(order.orderNumber(), order.status(), to,
                        order.status(), to));
    }

    void note(OrderId id, TimelineEntry.Kind kind, @Nullable String detail, Instant now) {
        timeline.append(id, now, kind, null, null, actor(), detail);
    }

    void publish(Object event) {
        events.publishEvent(event);
    }

    // --- views ------------------------------------------------------------------------------------------------

    Destination destination(OrderRecord order) {
        OrderRecord.StoredDestination stored = order.destination();
        return new Destination(personalData.decrypt(stored.recipient()), personalData.decrypt(stored.phone()),
                stored.province(), stored.city(), stored.district(), personalData.decrypt(stored.detail()),
                stored.postalCode());
    }

    OrderRecord.StoredDestination encrypt(Destination destination) {
        return new OrderRecord.StoredDestination(personalData.encrypt(destination.recipient()),
                personalData.encrypt(destination.phone()), destination.province(), destination.city(),
                destination.district(), personalData.encrypt(destination.detail()), destination.postalCode());
    }

    OrderView view(OrderRecord order) {
        List<OrderView.Line> lines = orders.lines(order.id()).stream()
                .map(l -> new OrderView.Line(l.lineNo(), l.skuId(), l.skuCode(), l.title(), l.spec(), l.quantity(),
                        l.unitPrice(), l.discount(), l.payable()))
                .toList();
        List<OrderView.Parcel> parcels = new ArrayList<>();
        List<AllocationRecord> allocations = orders.allocations(order.id());
        for (int i = 0; i < allocations.size(); i++) {
            AllocationRecord a = allocations.get(i);
            parcels.add(new OrderView.Parcel(i + 1, a.status().name(), a.carrier(), a.trackingNumber(),
                    a.dispatchedAt(), a.deliveredAt()));
        }
        List<TimelineEntry> shown = timeline.of(order.id()).stream().filter(e -> e.kind().shownToCustomer())
                .map(e -> new TimelineEntry(e.occurredAt(), e.kind(), e.fromStatus(), e.toStatus(),
                        customerFacing(e.actor()), e.kind() == TimelineEntry.Kind.CANCELLED ? e.detail() : null))
                .toList();
        return new OrderView(order.id(), order.orderNumber(), order.status(), order.channel(), order.itemsAmount(),
                order.discountAmount(), order.shippingFee(), order.total(), order.paidAmount(),
                order.refundedAmount(), lines, orders.priceRules(order.id()), destination(order),
                order.customerNote(), order.placedAt(), order.paymentDeadline(), order.paidAt(), order.shippedAt(),
                order.deliveredAt(), order.completedAt(), order.cancelledAt(), order.cancelReason(), parcels, shown);
    }

    /** Staff names stay inside the shop: the customer sees "shop" for them. */
    static String customerFacing(String actor) {
        if (actor.startsWith("customer:")) {
            return "customer";
        }
        return actor.equals("system") ? "system" : "shop";
    }

    OrderDetail detail(OrderRecord order) {
        List<OrderDetail.Line> lines = orders.lines(order.id()).stream().map(OrderSupport::line).toList();
        List<OrderDetail.AllocationView> allocations = orders.allocations(order.id()).stream()
                .map(a -> new OrderDetail.AllocationView(a.warehouseId(), a.reservationId(), a.shipmentId(),
                        a.status().name(), a.carrier(), a.trackingNumber(), a.dispatchedAt(), a.deliveredAt()))
                .toList();
        List<OrderDetail.PaymentView> payments = orders.payments(order.id()).stream()
                .map(p -> new OrderDetail.PaymentView(p.paymentId(), p.amount(), p.providerCode(),
                        p.providerTransactionId(), p.paidAt(), p.outcome()))
                .toList();
        List<OrderDetail.RefundView> refunds = orders.refunds(order.id()).stream()
                .map(r -> new OrderDetail.RefundView(r.refundId(), r.paymentId(), r.amount(), r.refundedAt()))
                .toList();
        return new OrderDetail(order.id(), order.orderNumber(), new CustomerId(order.customerId()), order.status(),
                order.channel(), order.itemsAmount(), order.discountAmount(), order.shippingFee(), order.total(),
                order.paidAmount(), order.refundedAmount(), lines, orders.priceRules(order.id()),
                destination(order).masked(), order.customerNote(), order.attribution(), order.abnormal(),
                order.abnormalReason(), order.placedAt(), order.paymentDeadline(), order.paidAt(),
                order.allocatedAt(), order.shippedAt(), order.deliveredAt(), order.completedAt(), order.cancelledAt(),
                order.cancelReason(), allocations, payments, refunds, timeline.of(order.id()), order.version());
    }

    private static OrderDetail.Line line(OrderLineRecord l) {
        return new OrderDetail.Line(l.lineNo(), l.skuId(), l.skuCode(), l.productId(), l.title(), l.spec(),
                l.quantity(), l.unitPrice(), l.discount(), l.payable(), l.costPrice(), l.warehouseId(),
                l.refundedAmount(), l.returnedQuantity());
    }

    static OrderSummary summary(OrderRecord order) {
        return new OrderSummary(order.id(), order.orderNumber(), new CustomerId(order.customerId()), order.status(),
                order.channel(), order.total(), order.paidAmount(), order.refundedAmount(), order.abnormal(),
                order.abnormalReason(), order.placedAt(), order.paidAt());
    }
}
