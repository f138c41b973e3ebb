package io.shopops.payment;

import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * Gives back part or all of a captured payment.
 *
 * @param idempotencyKey chosen by the caller (a UUID, at most 255 characters): the same key again returns the
 *                       refund it created, whatever happened in between; with a different payment, amount or
 *                       reason it is refused (409)
 */
public record RefundRequest(@Nullable PaymentId paymentId, @Nullable Money amount, @Nullable String reason,
        @Nullable String idempotencyKey) {
}
