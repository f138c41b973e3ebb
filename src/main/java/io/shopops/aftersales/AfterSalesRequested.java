package io.shopops.aftersales;

import java.time.Instant;

import io.shopops.customer.CustomerId;
import io.shopops.ordering.OrderId;
import io.shopops.shared.Money;

/** A customer asked for a return or a refund. */
public record AfterSalesRequested(AfterSalesId requestId, String requestNo, OrderId orderId, CustomerId customerId,
        AfterSalesKind kind, AfterSalesReason reason, Money amount, int units, Instant requestedAt) {
}
