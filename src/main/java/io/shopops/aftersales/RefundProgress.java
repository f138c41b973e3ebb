package io.shopops.aftersales;

/** Where the request's refund stands at the payment provider. */
public enum RefundProgress {
    /** Not asked for yet (before approval, or before the goods were received). */
    NONE,
    /** Asked for; the provider has not confirmed it yet. */
    PENDING,
    SUCCEEDED,
    /** Refused by the provider; staff may try again. */
    FAILED
}
