package io.shopops.ordering;

import java.time.Instant;

/** Every parcel of an order was signed for (簽收). */
public record OrderDelivered(OrderId orderId, String orderNumber, Instant deliveredAt) {
}
