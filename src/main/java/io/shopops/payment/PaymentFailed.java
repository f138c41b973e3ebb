package io.shopops.payment;

import java.time.Instant;

import io.shopops.shared.Money;

/** The customer's attempt was declined; the payment may still succeed if they try again before it expires. */
public record PaymentFailed(PaymentId paymentId, String reference, Money amount, String providerCode,
        Instant failedAt) {
}
