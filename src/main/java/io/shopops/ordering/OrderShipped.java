package io.shopops.ordering;

import java.time.Instant;

/** Every parcel of an order has left its warehouse. */
public record OrderShipped(OrderId orderId, String orderNumber, Instant shippedAt) {
}
