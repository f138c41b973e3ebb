package io.shopops.ordering.internal;

import io.shopops.ordering.OrderId;

/**
 * The order's money needs settling with the payment module, after the change that made it due has committed:
 * its open payment closed (a cancelled order) and the payments it must give back refunded. An event of the
 * ordering module to itself, so that the outbox retries it and the provider is never called inside a
 * transaction that could still roll back.
 */
public record SettlementDue(OrderId orderId) {
}
