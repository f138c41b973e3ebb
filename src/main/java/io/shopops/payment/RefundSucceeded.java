package io.shopops.payment;

import java.time.Instant;

import io.shopops.shared.Money;

/** The provider gave {@code amount} back to the customer. */
public record RefundSucceeded(RefundId refundId, PaymentId paymentId, String reference, Money amount,
        Instant refundedAt) {
}
