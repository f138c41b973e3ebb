package io.shopops.ordering;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.shopops.payment.PaymentId;
import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * Orders against payments for one day (the shop's day): what the orders say was paid and refunded, what the
 * payment module captured and refunded, and every disagreement. The definitions are in docs/metrics.md.
 *
 * @param orders   orders paid that day: how many, what they were paid, what has been refunded of it
 * @param payments payments captured that day: how many, their amount, what has been refunded of them
 */
public record OrderPaymentReconciliation(LocalDate day, String zone, Totals orders, Totals payments,
        List<Finding> findings, Instant checkedAt) {

    public OrderPaymentReconciliation {
        findings = List.copyOf(findings);
    }

    public boolean consistent() {
        return findings.isEmpty();
    }

    public record Totals(long count, Money paid, Money refunded) {
    }

    public enum Kind {
        /** The order is paid, the payment module has no captured payment for it. */
        PAID_WITHOUT_CAPTURE,
        /** A payment was captured for an order that is not paid (or for no order at all). */
        CAPTURE_WITHOUT_PAID_ORDER,
        /** A payment of a cancelled order (or one paid twice) has not been refunded in full. */
        NOT_REFUNDED,
        /** The order's total (or what it records as paid) differs from what was captured. */
        AMOUNT_MISMATCH,
        /** What the order records as refunded differs from what its payments' refunds add up to. */
        REFUND_MISMATCH
    }

    public record Finding(Kind kind, @Nullable OrderId orderId, @Nullable String orderNumber,
            @Nullable PaymentId paymentId, @Nullable Money orderAmount, @Nullable Money paymentAmount,
            String detail) {
    }
}
