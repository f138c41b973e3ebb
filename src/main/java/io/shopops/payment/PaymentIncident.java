package io.shopops.payment;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A provider report that was refused or needs a person: logged with what was received (never secrets: the
 * bodies carry ids, amounts and a signature), so that staff can see forgeries and disagreements on the console.
 */
public record PaymentIncident(long id, String providerCode, Kind kind, @Nullable PaymentId paymentId,
        @Nullable String merchantTradeNo, String detail, @Nullable String payload, @Nullable String remoteAddress,
        Instant occurredAt) {

    public enum Kind {
        /** The signature does not verify: forged, or signed with another secret. */
        SIGNATURE_INVALID,
        /** The body could not be read, or misses required fields. */
        MALFORMED,
        /** No payment has the merchant trade number the report names. */
        UNKNOWN_PAYMENT,
        AMOUNT_MISMATCH,
        CURRENCY_MISMATCH,
        REFERENCE_MISMATCH,
        /** A second, different provider transaction for a payment that had already succeeded: money taken twice. */
        SECOND_CAPTURE
    }
}
