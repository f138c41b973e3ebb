package io.shopops.payment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A payment service provider (PSP): one implementation per provider (the built-in sandbox; Alipay and WeChat Pay
 * later), selected by {@link #code()} through {@link PaymentProviders}. ShopOps names a payment to the provider
 * by its merchant trade number and a refund by its merchant refund number; every call with the same number is
 * idempotent at the provider, so ShopOps may repeat a call whose answer it did not get.
 *
 * <p>Calls that reach the provider throw {@link PaymentProviderException} when it cannot be reached or answers
 * something unusable.
 */
public interface PaymentProvider {

    /** The code payments name this provider by: lower-case letters, as in {@code /api/v1/payments/notify/{code}}. */
    String code();

    /** Opens a payment at the provider (or returns the one it already has for the merchant trade number). */
    Checkout create(CheckoutRequest request);

    /** What the provider's books say about a payment now. */
    Trade query(String merchantTradeNo);

    /** Closes an unpaid payment at the provider; answers its state afterwards (SUCCEEDED if it was paid first). */
    Trade close(String merchantTradeNo);

    /** Asks for a refund (idempotent by the merchant refund number) and answers its outcome. */
    RefundOutcome refund(RefundOrder order);

    /** What the provider's books say about a refund. */
    RefundOutcome queryRefund(String merchantTradeNo, String merchantRefundNo);

    /**
     * Verifies an asynchronous notification as received (headers with lower-case names, the raw body) and reads
     * it. Throws {@link NotificationRejectedException} when the signature does not verify or the body is unusable.
     */
    Notification verify(Map<String, String> headers, String body);

    /** What the provider expects as the answer to a notification that was handled (so it stops resending). */
    Acknowledgement acknowledgement();

    /**
     * The provider's statement of a day (its bill, 对账单): every capture and every refund that succeeded on that
     * day in the given zone.
     */
    List<StatementLine> statement(LocalDate day, ZoneId zone);

    /**
     * Copies payments that succeeded before ShopOps kept this shop's books (an import of history) into the
     * provider's books, for a provider whose books ShopOps keeps itself: the built-in sandbox, so that its
     * statements list what the imported payments say. A real provider has its history in its own books and does
     * nothing (the default). Runs in the import's transaction: history is copied all or nothing, no money moves.
     *
     * @return the provider's payment id of each trade it recorded, by merchant trade number
     */
    default Map<String, String> importHistorical(List<HistoricalTrade> trades) {
        return Map.of();
    }

    /** A payment of the past as the provider recorded it, with its refunds. */
    record HistoricalTrade(String merchantTradeNo, String reference, String subject, Money amount, Instant createdAt,
            Instant expiresAt, Instant paidAt, String transactionId, List<HistoricalRefund> refunds) {
    }

    record HistoricalRefund(String merchantRefundNo, String providerRefundId, Money amount, @Nullable String reason,
            Instant refundedAt) {
    }

    /** What ShopOps asks the provider to collect; {@code reference} comes back in notifications. */
    record CheckoutRequest(String merchantTradeNo, String reference, Money amount, String subject,
            Instant expiresAt) {
    }

    /** Where the customer pays, and the provider's id of the payment. */
    record Checkout(String providerPaymentId, String cashierUrl, @Nullable String qrPayload) {
    }

    enum TradeState {
        /** The provider has no payment with this merchant trade number. */
        NOT_FOUND,
        /** Waiting for the customer. */
        PENDING,
        SUCCEEDED,
        /** The customer's attempt was declined; they may still try again. */
        FAILED,
        CLOSED
    }

    /**
     * A payment as the provider sees it. A notification always carries the amount and the reference; a status
     * query answers what the provider's books say.
     *
     * @param transactionId the provider's transaction (trade) number, once the customer has tried to pay
     * @param at            when the state was reached (paid, failed or closed) by the provider's clock
     */
    record Trade(String merchantTradeNo, TradeState state, @Nullable String transactionId, @Nullable Money amount,
            @Nullable String reference, @Nullable Instant at) {
    }

    /** A verified notification: the provider's id of the message and the trade it reports. */
    record Notification(String notificationId, Trade trade) {
    }

    record RefundOrder(String merchantTradeNo, String merchantRefundNo, Money amount, @Nullable String reason) {
    }

    enum RefundState {
        NOT_FOUND, PENDING, SUCCEEDED, FAILED
    }

    record RefundOutcome(String merchantRefundNo, RefundState state, @Nullable String providerRefundId,
            @Nullable String failureReason, @Nullable Instant at) {
    }

    /** The body and content type of the answer to a handled notification ("success" as text for Alipay). */
    record Acknowledgement(String contentType, String body) {
    }

    /** One line of a provider's statement: a capture or a refund that succeeded. */
    record StatementLine(Kind kind, String merchantTradeNo, @Nullable String merchantRefundNo, String providerId,
            Money amount, Instant at) {

        public enum Kind {
            CAPTURE, REFUND
        }
    }
}
