package io.shopops.ordering;

import java.time.Instant;

import io.shopops.customer.CustomerId;
import io.shopops.shared.Money;

/** An order was paid (it counts towards GMV from now on): {@code amount} is what the payment captured. */
public record OrderPaid(OrderId orderId, String orderNumber, CustomerId customerId, Money amount, Instant paidAt) {
}
