package io.shopops.payment;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A payment as ShopOps knows it. {@code refundedAmount} is what refunds have taken, pending or succeeded;
 * {@code refundable()} is what is left of the captured amount.
 */
public record PaymentView(PaymentId id, String reference, String merchantTradeNo, String providerCode,
        @Nullable String providerPaymentId, @Nullable String providerTransactionId, PaymentStatus status,
        String subject, Money amount, Money refundedAmount, @Nullable String cashierUrl, @Nullable String qrPayload,
        Instant expiresAt, Instant createdAt, String createdBy, Instant updatedAt, @Nullable Instant paidAt,
        @Nullable Instant failedAt, @Nullable Instant closedAt) {

    @JsonProperty
    public Money refundable() {
        return status == PaymentStatus.SUCCEEDED ? amount.minus(refundedAmount) : Money.zero(amount.currency());
    }
}
