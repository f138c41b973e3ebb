package io.shopops.ordering;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import io.shopops.customer.CustomerId;
import io.shopops.fulfilment.ShipmentCancelled;
import io.shopops.fulfilment.ShipmentDelivered;
import io.shopops.fulfilment.ShipmentDispatched;
import io.shopops.ordering.internal.AllocationRecord;
import io.shopops.ordering.internal.OrderRecord;
import io.shopops.ordering.internal.OrderRepository;
import io.shopops.ordering.internal.SettlementDue;
import io.shopops.ordering.internal.TimelineRepository;
import io.shopops.payment.PaymentFailed;
import io.shopops.payment.PaymentId;
import io.shopops.payment.PaymentSucceeded;
import io.shopops.payment.Payments;
import io.shopops.payment.RefundRequest;
import io.shopops.payment.RefundSucceeded;
import io.shopops.payment.RefundView;
import io.shopops.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves orders along as payments and parcels report back. Every listener runs after the publisher's commit,
 * from the outbox (retried until it succeeds), and is idempotent: a payment, refund or parcel event is recorded
 * once by a conditional write, and a repeated delivery finds it recorded and changes nothing.
 */
@Component
class OrderProgress {

    private static final Logger log = LoggerFactory.getLogger(OrderProgress.class);

    private final OrderRepository orders;
    private final TimelineRepository timeline;
    private final Lifecycle lifecycle;
    private final Payments payments;
    private final OrderSupport support;
    private final TransactionTemplate transactions;
    private final TransactionTemplate savepoint;

    OrderProgress(OrderRepository orders, TimelineRepository timeline, Lifecycle lifecycle, Payments payments,
            OrderSupport support, PlatformTransactionManager transactionManager) {
        this.orders = orders;
        this.timeline = timeline;
        this.lifecycle = lifecycle;
        this.payments = payments;
        this.support = support;
        this.transactions = new TransactionTemplate(transactionManager);
        this.savepoint = new TransactionTemplate(transactionManager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    // --- payments ---------------------------------------------------------------------------------------------

    /**
     * A payment came in. The order waiting for it becomes PAID (flagged abnormal when the amount is not its total),
     * its stock is held until shipped, and {@link OrderPaid} is published. A payment for an order that was
     * cancelled meanwhile, or that is already paid, is given back in full and the order flagged.
     */
    @ApplicationModuleListener
    public void on(PaymentSucceeded paid) {
        Optional<OrderRecord> found = orders.findByNumber(paid.reference());
        if (found.isEmpty()) {
            log.warn("Payment {} names {}, which is no order", paid.paymentId(), paid.reference());
            return;
        }
        OrderRecord order = found.get();
        if (!orders.recordPayment(order.id(), paid.paymentId().value(), paid.amount(), paid.providerCode(),
                paid.providerTransactionId(), paid.paidAt(), "ACCEPTED")) {
            return;
        }
        Instant at = paid.paidAt().truncatedTo(ChronoUnit.MICROS);
        Instant now = support.now();
        String detail = "payment %s of %s via %s".formatted(paid.paymentId(), paid.amount(), paid.providerCode());
        if (order.status() == OrderStatus.PENDING_PAYMENT
                && support.tryMove(order.id(), OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, TimelineEntry.Kind.PAID,
                        detail, now, at)) {
            if (!paid.amount().equals(order.total())) {
                flag(order, "paid %s, but the order's total is %s".formatted(paid.amount(), order.total()), now);
            }
            lifecycle.keepStock(order, now);
            support.publish(new OrderPaid(order.id(), order.orderNumber(), new CustomerId(order.customerId()),
                    paid.amount(), at));
            return;
        }
        OrderStatus status = orders.status(order.id()).orElseThrow();
        orders.paymentOutcome(paid.paymentId().value(), "REFUND_DUE");
        String why = status == OrderStatus.CANCELLED ? "paid after the order was cancelled"
                : "paid again although the order was paid already";
        support.note(order.id(), TimelineEntry.Kind.PAYMENT_REFUND_DUE, detail + ": " + why + "; refunded in full",
                now);
        flag(order, "payment %s %s; refunded in full".formatted(paid.paymentId(), why), now);
        support.publish(new SettlementDue(order.id()));
    }

    private void flag(OrderRecord order, String reason, Instant now) {
        orders.flagAbnormal(order.id(), Lifecycle.abbreviate(reason), now);
        support.note(order.id(), TimelineEntry.Kind.FLAGGED_ABNORMAL, reason, now);
    }

    /** A payment attempt was declined: on the timeline once; the order still waits for its payment. */
    @ApplicationModuleListener
    public void on(PaymentFailed failed) {
        orders.findByNumber(failed.reference()).ifPresent(order -> timeline.appendOnce(order.id(),
                failed.failedAt().truncatedTo(ChronoUnit.MICROS), TimelineEntry.Kind.PAYMENT_FAILED,
                OrderSupport.actor(), "payment %s declined by %s".formatted(failed.paymentId(), failed.providerCode()),
                "payment:" + failed.paymentId() + ":failed:" + failed.failedAt().toEpochMilli()));
    }

    /** Money went back to the customer: added to the order's refunded amount once per refund. */
    @ApplicationModuleListener
    public void on(RefundSucceeded refunded) {
        Optional<OrderRecord> order = orders.findByNumber(refunded.reference());
        if (order.isEmpty() || !orders.recordRefund(order.get().id(), refunded.refundId().value(),
                refunded.paymentId().value(), refunded.amount(), refunded.refundedAt())) {
            return;
        }
        support.note(order.get().id(), TimelineEntry.Kind.REFUNDED, "refund %s of %s for payment %s"
                .formatted(refunded.refundId(), refunded.amount(), refunded.paymentId()), support.now());
    }

    /**
     * Settles the order's money once the change that made it due has committed, outside any transaction (the
     * payment module talks to the provider): a cancelled order's open payment is closed, and every payment the
     * order must give back is refunded in full. Refunds carry a key per payment, so a repeated settlement asks
     * for the same refund again and gets it, never a second one.
     */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    public void on(SettlementDue due) {
        OrderRecord order = transactions.execute(status -> support.order(due.orderId()));
        List<OrderRepository.PaymentRecord> recorded = transactions.execute(status -> orders.payments(due.orderId()));
        boolean cancelled = order.status() == OrderStatus.CANCELLED;
        if (cancelled) {
            payments.close(order.orderNumber());
        }
        for (OrderRepository.PaymentRecord payment : recorded) {
            boolean giveBack = payment.outcome().equals("REFUND_DUE") || (cancelled && payment.outcome().equals("ACCEPTED"));
            if (!giveBack) {
                continue;
            }
            RefundView refund = payments.refund(new RefundRequest(new PaymentId(payment.paymentId()), payment.amount(),
                    cancelled ? "Order " + order.orderNumber() + " cancelled" : "Paid twice for " + order.orderNumber(),
                    "order-" + order.orderNumber() + "-payment-" + payment.paymentId() + "-refund"));
            transactions.executeWithoutResult(status -> timeline.appendOnce(order.id(), support.now(),
                    TimelineEntry.Kind.REFUND_REQUESTED, OrderSupport.actor(),
                    "refund %s of %s for payment %s".formatted(refund.id(), refund.amount(), payment.paymentId()),
                    "refund:" + refund.id() + ":requested"));
        }
    }

    // --- fulfilment -------------------------------------------------------------------------------------------

    /**
     * A paid order goes to fulfilment, unless it is flagged abnormal: then it waits for staff in review. So does an
     * order fulfilment refuses (its refusal is the flag's reason), rather than the event being retried for ever.
     */
    @ApplicationModuleListener
    public void on(OrderPaid paid) {
        OrderRecord order = support.order(paid.orderId());
        if (order.status() != OrderStatus.PAID) {
            return;
        }
        if (order.abnormal()) {
            support.tryMove(order.id(), OrderStatus.PAID, OrderStatus.UNDER_REVIEW,
                    TimelineEntry.Kind.HELD_FOR_REVIEW, "held automatically: " + order.abnormalReason(), support.now());
            return;
        }
        Optional<String> hold = orders.paymentHold(order.id());
        if (hold.isPresent()) {
            support.tryMove(order.id(), OrderStatus.PAID, OrderStatus.UNDER_REVIEW,
                    TimelineEntry.Kind.HELD_FOR_REVIEW, hold.get(), support.now());
            return;
        }
        try {
            savepoint.executeWithoutResult(status -> lifecycle.allocate(order, OrderStatus.PAID));
        } catch (DomainException refused) {
            Instant now = support.now();
            flag(order, "fulfilment refused its shipments: " + refused.getMessage(), now);
            support.tryMove(order.id(), OrderStatus.PAID, OrderStatus.UNDER_REVIEW,
                    TimelineEntry.Kind.HELD_FOR_REVIEW, "held automatically: fulfilment refused its shipments", now);
        }
    }

    /** A parcel left its warehouse: PARTIALLY_SHIPPED, or SHIPPED with the last one. */
    @ApplicationModuleListener
    public void on(ShipmentDispatched dispatched) {
        Optional<OrderId> order = orders.orderOfShipment(dispatched.shipmentId().value());
        if (order.isEmpty() || !orders.parcelDispatched(dispatched.shipmentId().value(), dispatched.carrier(),
                dispatched.trackingNumber(), dispatched.dispatchedAt().truncatedTo(ChronoUnit.MICROS))) {
            return;
        }
        support.note(order.get(), TimelineEntry.Kind.PARCEL_DISPATCHED, "%s %s".formatted(dispatched.carrier(),
                dispatched.trackingNumber()), support.now());
        advance(order.get());
    }

    /** A parcel was signed for: DELIVERED with the last one. */
    @ApplicationModuleListener
    public void on(ShipmentDelivered delivered) {
        Optional<OrderId> order = orders.orderOfShipment(delivered.shipmentId().value());
        if (order.isEmpty() || !orders.parcelDelivered(delivered.shipmentId().value(),
                delivered.deliveredAt().truncatedTo(ChronoUnit.MICROS))) {
            return;
        }
        support.note(order.get(), TimelineEntry.Kind.PARCEL_DELIVERED,
                "shipment " + delivered.shipmentId() + (delivered.onTime() ? " on time" : " late"), support.now());
        advance(order.get());
    }

    /**
     * Fulfilment cancelled one of the order's shipments on its own (not because the order was cancelled): the
     * reservation still holds the stock; the order is flagged for staff to decide.
     */
    @ApplicationModuleListener
    public void on(ShipmentCancelled cancelled) {
        Optional<OrderId> id = orders.orderOfShipment(cancelled.shipmentId().value());
        if (id.isEmpty()) {
            return;
        }
        OrderRecord order = support.order(id.get());
        if (order.status() == OrderStatus.CANCELLED
                || !orders.shipmentCancelled(order.id(), cancelled.shipmentId().value())) {
            return;
        }
        flag(order, "shipment %s was cancelled by fulfilment (%s); its stock is still reserved"
                .formatted(cancelled.shipmentId(), cancelled.reason()), support.now());
    }

    /**
     * Walks the order as far as its parcels have come, one legal step at a time (ALLOCATED → PARTIALLY_SHIPPED →
     * SHIPPED → DELIVERED), so that events arriving out of order (delivered before dispatched) still end right.
     */
    private void advance(OrderId id) {
        for (int step = 0; step < 4; step++) {
            OrderRecord order = support.order(id);
            List<AllocationRecord> live = orders.allocations(id).stream()
                    .filter(a -> a.status() != AllocationRecord.Status.RELEASED).toList();
            boolean allDelivered = !live.isEmpty()
                    && live.stream().allMatch(a -> a.status() == AllocationRecord.Status.DELIVERED);
            boolean allLeft = !live.isEmpty() && live.stream().allMatch(OrderProgress::left);
            boolean someLeft = live.stream().anyMatch(OrderProgress::left);
            Instant now = support.now();
            OrderStatus status = order.status();
            if ((status == OrderStatus.ALLOCATED || status == OrderStatus.PARTIALLY_SHIPPED) && allLeft) {
                if (support.tryMove(id, status, OrderStatus.SHIPPED, TimelineEntry.Kind.SHIPPED, null, now)) {
                    support.publish(new OrderShipped(id, order.orderNumber(), now));
                }
            } else if (status == OrderStatus.ALLOCATED && someLeft) {
                support.tryMove(id, status, OrderStatus.PARTIALLY_SHIPPED, TimelineEntry.Kind.PARTIALLY_SHIPPED, null,
                        now);
            } else if (status == OrderStatus.SHIPPED && allDelivered) {
                if (support.tryMove(id, status, OrderStatus.DELIVERED, TimelineEntry.Kind.DELIVERED, null, now)) {
                    support.publish(new OrderDelivered(id, order.orderNumber(), now));
                }
            } else {
                return;
            }
        }
    }

    private static boolean left(AllocationRecord allocation) {
        return allocation.status() == AllocationRecord.Status.DISPATCHED
                || allocation.status() == AllocationRecord.Status.DELIVERED;
    }
}
