package io.shopops.ordering;

import java.time.Instant;

import io.shopops.payment.PaymentId;
import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/** Where the customer pays for their order: the provider's cashier page, valid until {@code expiresAt}. */
public record OrderPayment(OrderId orderId, String orderNumber, Money amount, PaymentId paymentId, String cashierUrl,
        @Nullable String qrPayload, Instant expiresAt) {
}
