package io.shopops.aftersales;

import java.time.Instant;

import io.shopops.customer.CustomerId;
import io.shopops.ordering.OrderId;
import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/** An after-sales request in a list. */
public record AfterSalesSummary(AfterSalesId id, String requestNo, OrderId orderId, String orderNumber,
        CustomerId customerId, AfterSalesKind kind, AfterSalesReason reason, AfterSalesStatus status,
        Money refundAmount, int units, RefundProgress refundProgress, Instant requestedAt,
        @Nullable Instant closedAt) {
}
