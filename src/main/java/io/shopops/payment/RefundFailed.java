package io.shopops.payment;

import java.time.Instant;

import io.shopops.shared.Money;

/** The provider refused the refund; its amount is refundable again. */
public record RefundFailed(RefundId refundId, PaymentId paymentId, String reference, Money amount, String reason,
        Instant failedAt) {
}
