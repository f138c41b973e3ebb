package io.shopops.payment;

import java.time.Instant;

import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * One verified report of a provider about a payment and what it did to it.
 *
 * @param source         NOTIFICATION (sent by the provider), QUERY (asked by the repair job), CLOSE (the answer
 *                       to closing the payment)
 * @param reportedStatus what the provider said: SUCCEEDED, FAILED, CLOSED (or PENDING for a query)
 * @param outcome        APPLIED (the payment moved), DUPLICATE (it already had that outcome), IGNORED (late or
 *                       out of order: the state machine does not allow the move)
 */
public record NotificationLogEntry(long id, PaymentId paymentId, String providerCode, Source source,
        @Nullable String notificationId, @Nullable String providerTransactionId, String reportedStatus,
        @Nullable Money amount, Outcome outcome, PaymentStatus statusBefore, PaymentStatus statusAfter,
        Instant receivedAt) {

    public enum Source {
        NOTIFICATION, QUERY, CLOSE
    }

    public enum Outcome {
        APPLIED, DUPLICATE, IGNORED
    }
}
