package io.shopops.ordering;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import io.shopops.audit.AuditLog;
import io.shopops.customer.CustomerId;
import io.shopops.ordering.internal.OrderFilter;
import io.shopops.ordering.internal.OrderRecord;
import io.shopops.ordering.internal.OrderRepository;
import io.shopops.ordering.internal.OrderingProperties;
import io.shopops.ordering.internal.TimelineRepository;
import io.shopops.payment.PaymentRequest;
import io.shopops.payment.PaymentSession;
import io.shopops.payment.Payments;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.ShopProperties;
import io.shopops.shared.Violations;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Orders after checkout: what customers and staff see of them, what customers may do with their own (pay,
 * cancel before shipping), what staff do (notes, the abnormal flag, holding for review, cancelling), and the
 * jobs that cancel unpaid orders and complete delivered ones. Every status change is one conditional UPDATE
 * from the states the table allows; staff actions are in the audit log.
 */
@Service
public class Orders {

    private static final Logger log = LoggerFactory.getLogger(Orders.class);

    private final OrderRepository orders;
    private final TimelineRepository timeline;
    private final Lifecycle lifecycle;
    private final Payments payments;
    private final AuditLog audit;
    private final OrderingProperties properties;
    private final ShopProperties shop;
    private final OrderSupport support;
    private final TransactionTemplate transactions;

    Orders(OrderRepository orders, TimelineRepository timeline, Lifecycle lifecycle, Payments payments,
            AuditLog audit, OrderingProperties properties, ShopProperties shop, OrderSupport support,
            PlatformTransactionManager transactionManager) {
        this.orders = orders;
        this.timeline = timeline;
        this.lifecycle = lifecycle;
        this.payments = payments;
        this.audit = audit;
        this.properties = properties;
        this.shop = shop;
        this.support = support;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    // --- the customer's own orders ----------------------------------------------------------------------------

    /** The customer's orders, newest first. */
    @Transactional(readOnly = true)
    public Page<CustomerOrderSummary> ofCustomer(CustomerId customer, PageQuery page) {
        Page<OrderRecord> found = orders.ofCustomer(customer.value(), page);
        Map<OrderId, OrderRepository.LineSummary> lines = orders.lineSummaries(
                found.items().stream().map(OrderRecord::id).toList());
        return found.map(o -> {
            OrderRepository.LineSummary summary = lines.get(o.id());
            return new CustomerOrderSummary(o.id(), o.orderNumber(), o.status(), o.total(),
                    summary == null ? 0 : summary.units(), summary == null ? "" : summary.firstTitle(), o.placedAt(),
                    o.paymentDeadline());
        });
    }

    /** One of the customer's orders with its timeline; another customer's order is not found (404). */
    @Transactional(readOnly = true)
    public OrderView order(CustomerId customer, OrderId id) {
        return support.view(support.orderOf(customer, id));
    }

    /**
     * Cancels the customer's order before anything shipped (422 {@code illegal-transition} after): its stock goes
     * back, and what was paid is refunded.
     */
    @Transactional
    public OrderView cancel(CustomerId customer, OrderId id, @Nullable String reason) {
        Violations v = new Violations();
        v.text("reason", reason, false, 500);
        v.throwIfAny();
        OrderRecord order = support.orderOf(customer, id);
        lifecycle.cancel(order, OrderCancelled.CancelledBy.CUSTOMER,
                reason == null || reason.isBlank() ? "cancelled by the customer" : reason.trim());
        return support.view(support.order(id));
    }

    /**
     * Opens a payment for the customer's order with a provider and answers where they pay. Only an order waiting
     * for its payment can be paid (422 {@code illegal-transition} otherwise, {@code payment-window-closed} once
     * its time ran out); the payment expires with the order's window. Not one transaction: the payment module
     * talks to the provider in between.
     */
    public OrderPayment pay(CustomerId customer, OrderId id, @Nullable String providerCode) {
        Violations v = new Violations();
        v.code("providerCode", providerCode);
        v.throwIfAny();
        OrderRecord order = Objects.requireNonNull(read(() -> support.orderOf(customer, id)));
        if (order.status() != OrderStatus.PENDING_PAYMENT) {
            throw OrderSupport.illegal(order, OrderStatus.PAID);
        }
        Instant now = support.now();
        if (!now.isBefore(order.paymentDeadline())) {
            throw new BusinessRuleException("payment-window-closed", "status",
                    "Order %s was not paid within its payment window and is being cancelled"
                            .formatted(order.orderNumber()));
        }
        PaymentSession session = payments.start(new PaymentRequest(order.orderNumber(), order.total(),
                shop.name() + " " + order.orderNumber(), providerCode.trim(),
                Duration.between(now, order.paymentDeadline())));
        transactions.executeWithoutResult(status -> timeline.appendOnce(order.id(), support.now(),
                TimelineEntry.Kind.PAYMENT_STARTED, OrderSupport.actor(),
                "payment %s with %s".formatted(session.paymentId(), providerCode.trim()),
                "payment:" + session.paymentId() + ":started"));
        return new OrderPayment(order.id(), order.orderNumber(), order.total(), session.paymentId(),
                session.cashierUrl(), session.qrPayload(), session.expiresAt());
    }

    // --- staff ------------------------------------------------------------------------------------------------

    /** Orders matching the filters, newest first. */
    @Transactional(readOnly = true)
    public Page<OrderSummary> find(OrderQuery query, PageQuery page) {
        Violations v = new Violations();
        v.check(query.placedFrom() == null || query.placedTo() == null || !query.placedTo().isBefore(query.placedFrom()),
                "placedTo", "must not be before placedFrom");
        if (query.minTotal() != null) {
            v.amount("minTotal", query.minTotal(), shop.currency());
        }
        if (query.maxTotal() != null) {
            v.amount("maxTotal", query.maxTotal(), shop.currency());
        }
        v.check(query.minTotal() == null || query.maxTotal() == null || query.minTotal().compareTo(query.maxTotal()) <= 0,
                "maxTotal", "must not be below minTotal");
        v.text("orderNumber", query.orderNumber(), false, 32);
        v.throwIfAny();
        OrderFilter filter = new OrderFilter(query.status(),
                query.placedFrom() == null ? null : query.placedFrom().atStartOfDay(shop.zone()).toInstant(),
                query.placedTo() == null ? null : query.placedTo().plusDays(1).atStartOfDay(shop.zone()).toInstant(),
                query.minTotal(), query.maxTotal(), query.channel(),
                query.customerId() == null ? null : query.customerId().value(), query.abnormal(),
                query.orderNumber() == null || query.orderNumber().isBlank() ? null : query.orderNumber().trim());
        return orders.find(filter, page).map(OrderSupport::summary);
    }

    /** An order with its lines, warehouses, payments, refunds and whole timeline (404 if there is none). */
    @Transactional(readOnly = true)
    public OrderDetail detail(OrderId id) {
        return support.detail(support.order(id));
    }

    /** Adds a staff note to the order's timeline (1 to 1,000 characters). */
    @Transactional
    public OrderDetail addNote(OrderId id, @Nullable String text) {
        Violations v = new Violations();
        v.multilineText("text", text, true, 1000);
        v.throwIfAny();
        OrderRecord order = support.order(id);
        support.note(id, TimelineEntry.Kind.NOTE, text.trim(), support.now());
        return audited("ORDER_NOTE_ADDED", order, text.trim());
    }

    /** Flags the order as abnormal (異常訂單) with a reason; flagging again replaces the reason. */
    @Transactional
    public OrderDetail flagAbnormal(OrderId id, @Nullable String reason) {
        String why = requiredReason(reason);
        OrderRecord order = support.order(id);
        Instant now = support.now();
        orders.flagAbnormal(id, why, now);
        support.note(id, TimelineEntry.Kind.FLAGGED_ABNORMAL, why, now);
        return audited("ORDER_FLAGGED_ABNORMAL", order, why);
    }

    /** Clears the abnormal flag (422 {@code not-abnormal} when it is not set), with an optional note why. */
    @Transactional
    public OrderDetail clearAbnormal(OrderId id, @Nullable String note) {
        Violations v = new Violations();
        v.text("note", note, false, 500);
        v.throwIfAny();
        OrderRecord order = support.order(id);
        Instant now = support.now();
        if (!orders.clearAbnormal(id, now)) {
            throw new BusinessRuleException("not-abnormal", "Order " + order.orderNumber() + " is not flagged abnormal");
        }
        support.note(id, TimelineEntry.Kind.ABNORMAL_CLEARED,
                note == null || note.isBlank() ? order.abnormalReason() : note.trim(), now);
        return audited("ORDER_ABNORMAL_CLEARED", order, note);
    }

    /** Holds a paid order for review before fulfilment (PAID → UNDER_REVIEW), for a reason. */
    @Transactional
    public OrderDetail hold(OrderId id, @Nullable String reason) {
        String why = requiredReason(reason);
        OrderRecord order = support.order(id);
        support.move(order, Set.of(OrderStatus.PAID), OrderStatus.UNDER_REVIEW, TimelineEntry.Kind.HELD_FOR_REVIEW,
                why, support.now());
        return audited("ORDER_HELD", order, why);
    }

    /**
     * Makes an unpaid order wait once it is paid (PAID → UNDER_REVIEW with the reason) instead of going to
     * fulfilment, for a module that decides later whether it proceeds ({@link #release}) or is cancelled and
     * refunded ({@link #cancel(OrderId, String)}): a group buy waits for its members. Called in the transaction
     * that placed the order (a price rule's redemption); 422 {@code illegal-transition} once the order is paid.
     */
    @Transactional
    public void holdOnPayment(OrderId id, String reason) {
        Violations v = new Violations();
        v.text("reason", reason, true, 200);
        v.throwIfAny();
        if (!orders.holdOnPayment(id, reason.trim())) {
            throw OrderSupport.illegal(support.order(id), OrderStatus.UNDER_REVIEW);
        }
    }

    /** Releases a held order to fulfilment (UNDER_REVIEW → ALLOCATED): its shipments are created now. */
    @Transactional
    public OrderDetail release(OrderId id) {
        OrderRecord order = support.order(id);
        if (order.status() != OrderStatus.UNDER_REVIEW || !lifecycle.allocate(order, OrderStatus.UNDER_REVIEW)) {
            throw OrderSupport.illegal(support.order(id), OrderStatus.ALLOCATED);
        }
        support.note(id, TimelineEntry.Kind.REVIEW_RELEASED, null, support.now());
        return audited("ORDER_RELEASED", order, null);
    }

    /**
     * Cancels an order before anything shipped, for a reason (required): stock back, shipments cancelled, what
     * was paid refunded in full.
     */
    @Transactional
    public OrderDetail cancel(OrderId id, @Nullable String reason) {
        String why = requiredReason(reason);
        OrderRecord order = support.order(id);
        lifecycle.cancel(order, OrderCancelled.CancelledBy.STAFF, why);
        return audited("ORDER_CANCELLED", order, why);
    }

    /**
     * Cancels an order only while it is still waiting for its payment, for a reason (required), as the system (a
     * module's own pay window, e.g. a flash sale's): 422 {@code illegal-transition} once it is paid, even when the
     * payment lands between this read and the cancellation (the conditional UPDATE is on PENDING_PAYMENT), so a
     * paid order is never cancelled and refunded by a timer.
     */
    @Transactional
    public OrderDetail cancelUnpaid(OrderId id, @Nullable String reason) {
        String why = requiredReason(reason);
        OrderRecord order = support.order(id);
        if (order.status() != OrderStatus.PENDING_PAYMENT) {
            throw OrderSupport.illegal(order, OrderStatus.CANCELLED);
        }
        lifecycle.cancel(order, OrderCancelled.CancelledBy.PAYMENT_WINDOW, why);
        return audited("ORDER_CANCELLED", order, why);
    }

    private OrderDetail audited(String action, OrderRecord before, @Nullable String why) {
        OrderRecord after = support.order(before.id());
        audit.record(action, "order", before.id(), before.orderNumber() + (why == null ? "" : ": " + why),
                OrderSupport.summary(before), OrderSupport.summary(after));
        return support.detail(after);
    }

    private static String requiredReason(@Nullable String reason) {
        Violations v = new Violations();
        v.text("reason", reason, true, 500);
        v.throwIfAny();
        return reason.trim();
    }

    // --- jobs -------------------------------------------------------------------------------------------------

    /**
     * Cancels every order still unpaid when its payment window closed (by the injected clock), each in a
     * transaction of its own, in batches; returns how many it cancelled. An order paid meanwhile is left alone:
     * the payment and the cancellation race for the same conditional UPDATE, and one of them wins.
     */
    public int cancelUnpaid() {
        Instant now = support.now();
        return inBatches(limit -> orders.unpaidPastDeadline(now, limit), id -> {
            OrderRecord order = support.order(id);
            if (order.status() != OrderStatus.PENDING_PAYMENT) {
                return false;
            }
            lifecycle.cancel(order, OrderCancelled.CancelledBy.PAYMENT_WINDOW,
                    "not paid within " + properties.paymentWindow().toMinutes() + " minutes");
            return true;
        });
    }

    /** Completes orders delivered {@code shopops.ordering.complete-after} ago or longer; returns how many. */
    public int completeDelivered() {
        Instant before = support.now().minus(properties.completeAfter());
        return inBatches(limit -> orders.deliveredBefore(before, limit), id -> {
            OrderRecord order = support.order(id);
            Instant now = support.now();
            if (!support.tryMove(id, OrderStatus.DELIVERED, OrderStatus.COMPLETED, TimelineEntry.Kind.COMPLETED, null,
                    now)) {
                return false;
            }
            support.publish(new OrderCompleted(id, order.orderNumber(), new CustomerId(order.customerId()),
                    order.total(), now));
            return true;
        });
    }

    private interface Step {
        boolean apply(OrderId id);
    }

    /** Runs the step for every due order, each in its own transaction; one that fails is skipped from then on. */
    private int inBatches(IntFunction<List<OrderId>> due, Step step) {
        Set<OrderId> failed = new HashSet<>();
        int done = 0;
        while (true) {
            List<OrderId> batch = read(() -> due.apply(properties.jobBatchSize() + failed.size()));
            List<OrderId> pending = batch == null ? List.of() : batch.stream().filter(id -> !failed.contains(id)).toList();
            if (pending.isEmpty()) {
                return done;
            }
            for (OrderId id : pending) {
                try {
                    if (Boolean.TRUE.equals(transactions.execute(status -> step.apply(id)))) {
                        done++;
                    } else {
                        failed.add(id);
                    }
                } catch (RuntimeException e) {
                    failed.add(id);
                    log.error("Order {} could not be moved on by the job", id, e);
                }
            }
        }
    }

    private <T> T read(Supplier<T> reading) {
        return transactions.execute(status -> reading.get());
    }
}
