package io.shopops.ordering;

import java.time.Instant;

import io.shopops.customer.CustomerId;
import io.shopops.shared.Money;

/** An order was closed after delivery: after-sales no longer applies by default. */
public record OrderCompleted(OrderId orderId, String orderNumber, CustomerId customerId, Money total,
        Instant completedAt) {
}
