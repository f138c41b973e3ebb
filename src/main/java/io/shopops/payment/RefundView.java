package io.shopops.payment;

import java.time.Instant;

import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/** A refund: {@code refundNo} is the merchant refund number the provider knows it by. */
public record RefundView(RefundId id, PaymentId paymentId, String refundNo, Money amount, @Nullable String reason,
        RefundStatus status, @Nullable String providerRefundId, @Nullable String failureReason, Instant createdAt,
        String createdBy, @Nullable Instant completedAt) {
}
