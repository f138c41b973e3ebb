package io.shopops.aftersales.internal;

import java.time.Instant;

import io.shopops.aftersales.AfterSalesId;
import io.shopops.aftersales.AfterSalesKind;
import io.shopops.aftersales.AfterSalesReason;
import io.shopops.aftersales.AfterSalesStatus;
import io.shopops.aftersales.RefundProgress;
import io.shopops.customer.CustomerId;
import io.shopops.ordering.OrderId;
import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/** A request's row as stored. */
public record AfterSalesRecord(AfterSalesId id, String requestNo, OrderId orderId, String orderNumber,
        CustomerId customerId, AfterSalesKind kind, AfterSalesReason reason, @Nullable String description,
        AfterSalesStatus status, Money refundAmount, @Nullable String returnCarrier,
        @Nullable String returnTrackingNumber, @Nullable String decisionNote, @Nullable String decidedBy,
        @Nullable String receivedBy, @Nullable String receiptNote, @Nullable Long paymentId, @Nullable Long refundId,
        RefundProgress refundProgress, int refundAttempt, @Nullable String refundFailure, Instant requestedAt,
        @Nullable Instant decidedAt, @Nullable Instant returnShippedAt, @Nullable Instant receivedAt,
        @Nullable Instant refundRequestedAt, @Nullable Instant refundedAt, @Nullable Instant closedAt,
        Instant updatedAt, long version) {
}
