package io.shopops.payment.sandbox;

import java.time.Instant;

import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A trade in the sandbox's books. {@code providerPaymentId} is what ShopOps knows it by, {@code outTradeNo} the
 * merchant's (ShopOps') trade number, {@code tradeNo} the sandbox's transaction number once the buyer tried to pay.
 */
public record SandboxTrade(long id, String providerPaymentId, String token, String outTradeNo,
        @Nullable String tradeNo, String merchant, String subject, @Nullable String reference, Money amount,
        Money refundedAmount, Status status, Instant createdAt, Instant expiresAt, @Nullable Instant paidAt,
        @Nullable Instant closedAt) {

    public enum Status {
        WAIT_BUYER_PAY, FAILED, SUCCESS, CLOSED
    }

    static String providerPaymentId(long id) {
        return "SBX%012d".formatted(id);
    }

    /** The trade id in a provider payment id, or -1 when it is not one of the sandbox's. */
    static long id(String providerPaymentId) {
        if (providerPaymentId.length() != 15 || !providerPaymentId.startsWith("SBX")) {
            return -1;
        }
        try {
            return Long.parseLong(providerPaymentId.substring(3));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
