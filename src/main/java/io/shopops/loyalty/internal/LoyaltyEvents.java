package io.shopops.loyalty.internal;

import io.shopops.aftersales.RefundCompleted;
import io.shopops.loyalty.Points;
import io.shopops.ordering.OrderCancelled;
import io.shopops.ordering.OrderPaid;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Points follow the orders: earned when an order is paid, given back (what it spent) and taken back (what it
 * earned) when it is cancelled, a share taken back on each after-sales refund. Each event moves points once: the
 * ledger's idempotency keys make a redelivered event change nothing.
 */
@Component
class LoyaltyEvents {

    private final Points points;

    LoyaltyEvents(Points points) {
        this.points = points;
    }

    @ApplicationModuleListener
    void on(OrderPaid paid) {
        points.earn(paid.orderId(), paid.customerId(), paid.amount(), paid.paidAt());
    }

    @ApplicationModuleListener
    void on(OrderCancelled cancelled) {
        points.orderCancelled(cancelled.orderId(), cancelled.customerId());
    }

    @ApplicationModuleListener
    void on(RefundCompleted refund) {
        points.refunded(refund.orderId(), refund.customerId(), refund.refundId(), refund.amount());
    }
}
