package io.shopops.payment.sandbox;

import java.time.Instant;

import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/** A refund in the sandbox's books: SUCCESS or DECLINED, decided when it was asked for. */
public record SandboxRefund(long id, long tradeId, String outRequestNo, String refundNo, Money amount, Status status,
        @Nullable String reason, Instant createdAt) {

    public enum Status {
        SUCCESS, DECLINED
    }
}
