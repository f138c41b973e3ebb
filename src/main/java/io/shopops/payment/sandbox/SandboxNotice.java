package io.shopops.payment.sandbox;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A notification the sandbox made for a trade: the signed body as it is (or was) sent, and its delivery.
 *
 * @param tradeStatus TRADE_SUCCESS, TRADE_FAILED or TRADE_CLOSED
 * @param afterId     the notification this one is held back for (a reordering fault)
 */
public record SandboxNotice(long id, long tradeId, String notifyId, String tradeStatus, String body, Status status,
        int attempts, long firstDelayMillis, @Nullable Long afterId, @Nullable String lastAnswer, Instant createdAt,
        @Nullable Instant deliveredAt) {

    public static final String CONTENT_TYPE = "application/x-www-form-urlencoded; charset=UTF-8";

    public enum Status {
        /** Still to be delivered (or retried). */
        PENDING,
        /** The merchant answered {@code success}. */
        DELIVERED,
        /** Never answered {@code success} within the attempts allowed. */
        GAVE_UP,
        /** Dropped on purpose (a fault): the merchant never hears of it. */
        LOST
    }
}
