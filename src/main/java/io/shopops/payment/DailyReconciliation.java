package io.shopops.payment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * ShopOps' payments and refunds of one day (the shop's day) against the providers' statements of that day: the
 * totals of each side and every mismatch. The day's figures are defined in docs/metrics.md.
 *
 * @param shopOps   what ShopOps' books say: captures (payments that succeeded that day) and refunds that
 *                  succeeded that day
 * @param providers what the providers' statements say
 */
public record DailyReconciliation(LocalDate day, String zone, Totals shopOps, Totals providers,
        List<Mismatch> mismatches, Instant checkedAt) {

    public DailyReconciliation {
        mismatches = List.copyOf(mismatches);
    }

    @JsonProperty
    public boolean consistent() {
        return mismatches.isEmpty();
    }

    /** Count and amount captured and refunded, and the net (captured − refunded). */
    public record Totals(long capturedCount, Money captured, long refundedCount, Money refunded) {

        @JsonProperty
        public Money net() {
            return captured.minus(refunded);
        }
    }

    public enum Entry {
        CAPTURE, REFUND
    }

    public enum Kind {
        /** ShopOps counts it, the provider's statement does not list it. */
        MISSING_AT_PROVIDER,
        /** The provider's statement lists it, ShopOps has no such payment or refund. */
        MISSING_IN_SHOPOPS,
        /** Both have it; the amounts differ. */
        AMOUNT_DIFFERS,
        /** The provider lists it as succeeded, ShopOps has it in another status (a notification never came). */
        STATUS_DIFFERS,
        /** Both have it as succeeded, ShopOps on another day. */
        DAY_DIFFERS
    }

    /**
     * One disagreement. {@code merchantNo} is the merchant trade number (captures) or refund number (refunds).
     */
    public record Mismatch(Kind kind, Entry entry, String providerCode, String merchantNo,
            @Nullable PaymentId paymentId, @Nullable RefundId refundId, @Nullable String reference,
            @Nullable Money shopOpsAmount, @Nullable Money providerAmount, @Nullable String shopOpsStatus,
            @Nullable String providerStatus) {
    }
}
