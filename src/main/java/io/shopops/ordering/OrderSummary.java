package io.shopops.ordering;

import java.time.Instant;

import io.shopops.customer.CustomerId;
import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/** An order in the staff list. */
public record OrderSummary(OrderId id, String orderNumber, CustomerId customerId, OrderStatus status,
        SalesChannel channel, Money total, Money paidAmount, Money refundedAmount, boolean abnormal,
        @Nullable String abnormalReason, Instant placedAt, @Nullable Instant paidAt) {
}
