package io.shopops.aftersales;

import java.time.Instant;
import java.util.List;

import io.shopops.catalog.SkuId;
import io.shopops.customer.CustomerId;
import io.shopops.ordering.OrderId;
import io.shopops.shared.Money;

/**
 * An after-sales request's money is back with the customer: the amount per SKU (what analytics subtracts from net
 * sales) and the units returned with it (0 for a refund-only request).
 */
public record RefundCompleted(AfterSalesId requestId, String requestNo, OrderId orderId, CustomerId customerId,
        AfterSalesKind kind, AfterSalesReason reason, Money amount, List<Line> lines, long refundId,
        Instant refundedAt) {

    public RefundCompleted {
        lines = List.copyOf(lines);
    }

    public record Line(SkuId skuId, int quantity, Money amount) {
    }
}
