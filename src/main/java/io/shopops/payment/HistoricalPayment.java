package io.shopops.payment;

import java.time.Instant;
import java.util.List;

import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A payment that succeeded before ShopOps kept this shop's books, with the refunds made of it, for
 * {@link Payments#importHistorical}: as the provider recorded it.
 *
 * @param reference             the order number, at most 64 characters; one imported payment per reference
 * @param providerCode          a registered provider ({@code sandbox})
 * @param amount                what was captured, in the shop's currency
 * @param createdAt             when the payment was started; {@code paidAt} not before it, not in the future
 * @param providerTransactionId the provider's transaction number (at most 32 characters, as Alipay's and WeChat
 *                              Pay's), unique per provider
 * @param refunds               the refunds that succeeded, adding up to at most {@code amount}
 */
public record HistoricalPayment(@Nullable String reference, @Nullable String providerCode, @Nullable Money amount,
        @Nullable String subject, @Nullable Instant createdAt, @Nullable Instant paidAt,
        @Nullable String providerTransactionId, @Nullable List<Refund> refunds) {

    /**
     * A refund that succeeded.
     *
     * @param requestedAt      not before the payment's {@code paidAt}; {@code refundedAt} not before it, not in the
     *                         future
     * @param providerRefundId the provider's refund number (at most 32 characters), unique
     */
    public record Refund(@Nullable Money amount, @Nullable String reason, @Nullable Instant requestedAt,
            @Nullable Instant refundedAt, @Nullable String providerRefundId) {
    }
}
