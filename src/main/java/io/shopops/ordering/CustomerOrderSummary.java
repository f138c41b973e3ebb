package io.shopops.ordering;

import java.time.Instant;

import io.shopops.shared.Money;

/** One of the customer's orders in their list: enough to recognise it and to see whether it waits for them. */
public record CustomerOrderSummary(OrderId id, String orderNumber, OrderStatus status, Money total, int itemCount,
        String firstItemTitle, Instant placedAt, Instant paymentDeadline) {
}
