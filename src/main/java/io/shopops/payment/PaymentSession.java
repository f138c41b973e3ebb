package io.shopops.payment;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Where the customer pays: the provider's cashier page (and, for scanning, the QR code's content), valid until
 * {@code expiresAt}.
 */
public record PaymentSession(PaymentId paymentId, String providerPaymentId, String cashierUrl,
        @Nullable String qrPayload, Instant expiresAt) {
}
