package io.shopops.payment;

import java.time.Instant;

import io.shopops.shared.Money;

/** The payment will not be collected: closed because the order was cancelled or its time ran out. */
public record PaymentClosed(PaymentId paymentId, String reference, Money amount, String providerCode,
        Instant closedAt) {
}
