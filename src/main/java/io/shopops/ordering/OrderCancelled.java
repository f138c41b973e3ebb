package io.shopops.ordering;

import java.time.Instant;

import io.shopops.customer.CustomerId;
import io.shopops.shared.Money;

/**
 * An order was cancelled before anything shipped: its stock went back, and {@code refund} (what had been paid;
 * zero for an unpaid order) is being refunded.
 */
public record OrderCancelled(OrderId orderId, String orderNumber, CustomerId customerId, OrderStatus previousStatus,
        CancelledBy cancelledBy, String reason, Money refund, Instant cancelledAt) {

    public enum CancelledBy {
        CUSTOMER, STAFF, PAYMENT_WINDOW
    }
}
