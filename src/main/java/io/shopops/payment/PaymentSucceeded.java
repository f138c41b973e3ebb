package io.shopops.payment;

import java.time.Instant;

import io.shopops.shared.Money;

/**
 * The provider took the money. Published once per payment, also for a payment that was closed meanwhile (the
 * order was cancelled): then the listener refunds it.
 */
public record PaymentSucceeded(PaymentId paymentId, String reference, Money amount, String providerCode,
        String providerTransactionId, Instant paidAt) {
}
