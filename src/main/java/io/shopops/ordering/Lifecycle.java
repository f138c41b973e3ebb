package io.shopops.ordering;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.shopops.catalog.SkuId;
import io.shopops.customer.CustomerId;
import io.shopops.fulfilment.NewShipment;
import io.shopops.fulfilment.ShipmentId;
import io.shopops.fulfilment.ShipmentLine;
import io.shopops.fulfilment.ShipmentView;
import io.shopops.fulfilment.Shipments;
import io.shopops.fulfilment.ShippingMethod;
import io.shopops.inventory.NewReservation;
import io.shopops.inventory.ReservationId;
import io.shopops.inventory.ReservationLine;
import io.shopops.inventory.ReservationView;
import io.shopops.inventory.Reservations;
import io.shopops.inventory.WarehouseId;
import io.shopops.ordering.internal.AllocationRecord;
import io.shopops.ordering.internal.OrderLineRecord;
import io.shopops.ordering.internal.OrderRecord;
import io.shopops.ordering.internal.OrderRepository;
import io.shopops.ordering.internal.OrderingProperties;
import io.shopops.ordering.internal.SettlementDue;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.Money;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The order's big steps, shared by the facades, the jobs and the listeners: cancelling (stock back exactly once,
 * shipments cancelled, money settled after the commit), holding a paid order's stock, and handing a paid order to
 * fulfilment. Each runs in the caller's transaction. Not part of the module's API.
 */
@Component
class Lifecycle {

    /** The states a cancellation may start from: anything before the first parcel leaves. */
    static final Set<OrderStatus> CANCELLABLE = Set.copyOf(OrderSupport.before(OrderStatus.CANCELLED));

    private final OrderRepository orders;
    private final Reservations reservations;
    private final Shipments shipments;
    private final OrderingProperties properties;
    private final OrderSupport support;
    private final TransactionTemplate savepoint;

    Lifecycle(OrderRepository orders, Reservations reservations, Shipments shipments, OrderingProperties properties,
            OrderSupport support, PlatformTransactionManager transactions) {
        this.orders = orders;
        this.reservations = reservations;
        this.shipments = shipments;
        this.properties = properties;
        this.support = support;
        // an expected refusal of another module (a reservation already gone) must not doom the whole transaction
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Cancels the order from its status as read (422 {@code illegal-transition} once a parcel has left or when it
     * moved meanwhile): its shipments are cancelled, each reservation is released (one already released or
     * expired is fine: the stock went back then), and after the commit its open payment is closed and whatever
     * was paid is refunded in full.
     */
    OrderCancelled cancel(OrderRecord order, OrderCancelled.CancelledBy by, String reason) {
        Instant now = support.now();
        support.move(order, CANCELLABLE, OrderStatus.CANCELLED, TimelineEntry.Kind.CANCELLED, reason, now);
        int released = 0;
        for (AllocationRecord allocation : orders.allocations(order.id())) {
            if (allocation.status() == AllocationRecord.Status.SHIPMENT_CREATED && allocation.shipmentId() != null) {
                shipments.cancel(new ShipmentId(allocation.shipmentId()), "Order " + order.orderNumber()
                        + " cancelled: " + reason);
            }
            if (allocation.status() == AllocationRecord.Status.RESERVED
                    || allocation.status() == AllocationRecord.Status.SHIPMENT_CREATED) {
                released += release(allocation.reservationId()) ? 1 : 0;
            }
        }
        orders.allocationsReleased(order.id());
        support.note(order.id(), TimelineEntry.Kind.STOCK_RELEASED,
                released + " reservation(s) released", now);
        Money refund = orders.payments(order.id()).stream().filter(p -> p.outcome().equals("ACCEPTED"))
                .map(OrderRepository.PaymentRecord::amount).reduce(Money.zero(order.total().currency()), Money::plus);
        OrderCancelled cancelled = new OrderCancelled(order.id(), order.orderNumber(),
                new CustomerId(order.customerId()), order.status(), by, reason, refund, now);
        support.publish(cancelled);
        support.publish(new SettlementDue(order.id()));
        return cancelled;
    }

    /** Releases a reservation; false when it had already ended (released, expired): its stock went back then. */
    private boolean release(ReservationId id) {
        try {
            savepoint.executeWithoutResult(status -> reservations.release(id));
            return true;
        } catch (BusinessRuleException ended) {
            if (ended.code().equals("reservation-not-active")) {
                return false;
            }
            throw ended;
        }
    }

    /**
     * Holds a paid order's stock until it ships. A reservation that ended before the payment came (the order was
     * paid after its reservations expired) is taken again if the stock is still there; otherwise the order is
     * flagged abnormal for staff to decide. Returns whether all of its stock is held.
     */
    boolean keepStock(OrderRecord order, Instant now) {
        boolean all = true;
        for (AllocationRecord allocation : orders.allocations(order.id())) {
            if (allocation.status() != AllocationRecord.Status.RESERVED) {
                continue;
            }
            try {
                savepoint.executeWithoutResult(status -> reservations.keep(allocation.reservationId()));
            } catch (BusinessRuleException ended) {
                if (!ended.code().equals("reservation-not-active")) {
                    throw ended;
                }
                all &= reserveAgain(order, allocation, now);
            }
        }
        return all;
    }

    private boolean reserveAgain(OrderRecord order, AllocationRecord allocation, Instant now) {
        ReservationView before = reservations.reservation(allocation.reservationId());
        try {
            ReservationView again = savepoint.execute(status -> {
                ReservationView reserved = reservations.reserve(new NewReservation(before.reference(),
                        before.lines().stream().map(l -> new ReservationLine(l.skuId(), l.warehouseId(),
                                l.quantity())).toList(), properties.reservationTtl()));
                reservations.keep(reserved.id());
                return reserved;
            });
            orders.replaceReservation(order.id(), allocation.warehouseId(), again.id());
            support.note(order.id(), TimelineEntry.Kind.STOCK_RELEASED, "reservation " + before.id()
                    + " had ended before the payment; stock reserved again as " + again.id(), now);
            return true;
        } catch (BusinessRuleException refused) {
            String reason = "paid after its stock reservation " + before.id() + " ended, and the stock is gone: "
                    + refused.getMessage();
            orders.flagAbnormal(order.id(), abbreviate(reason), now);
            support.note(order.id(), TimelineEntry.Kind.STOCK_LOST, reason, now);
            return false;
        }
    }

    /**
     * Hands the order to fulfilment, from {@code expected} (PAID, or UNDER_REVIEW when staff release it): one
     * shipment per warehouse with the decrypted destination, promised {@code shopops.ordering.promised-delivery}
     * after the payment. False when the order was no longer in {@code expected}.
     */
    boolean allocate(OrderRecord order, OrderStatus expected) {
        Instant now = support.now();
        if (!support.tryMove(order.id(), expected, OrderStatus.ALLOCATED, TimelineEntry.Kind.ALLOCATED, null, now)) {
            return false;
        }
        Destination to = support.destination(order);
        io.shopops.fulfilment.Destination destination = new io.shopops.fulfilment.Destination(to.recipient(),
                to.phone(), to.province(), to.city(), to.district(), to.detail(), to.postalCode());
        Instant promised = (order.paidAt() == null ? now : order.paidAt()).plus(properties.promisedDelivery());
        Map<WarehouseId, Map<SkuId, Integer>> units = new LinkedHashMap<>();
        for (OrderLineRecord line : orders.lines(order.id())) {
            units.computeIfAbsent(line.warehouseId(), w -> new LinkedHashMap<>())
                    .merge(line.skuId(), line.quantity(), Integer::sum);
        }
        List<WarehouseId> warehouses = new ArrayList<>();
        for (AllocationRecord allocation : orders.allocations(order.id())) {
            if (allocation.status() != AllocationRecord.Status.RESERVED) {
                continue;
            }
            List<ShipmentLine> lines = units.getOrDefault(allocation.warehouseId(), Map.of()).entrySet().stream()
                    .map(e -> new ShipmentLine(e.getKey(), e.getValue())).toList();
            ShipmentView shipment = shipments.create(new NewShipment(order.orderNumber(), allocation.warehouseId(),
                    allocation.reservationId(), lines, destination, promised, ShippingMethod.STANDARD));
            orders.shipmentCreated(order.id(), allocation.warehouseId(), shipment.id().value());
            warehouses.add(allocation.warehouseId());
        }
        support.publish(new OrderAllocated(order.id(), order.orderNumber(), warehouses, now));
        return true;
    }

    static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }
}
