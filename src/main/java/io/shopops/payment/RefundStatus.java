package io.shopops.payment;

/** A refund is PENDING until the provider answers, then SUCCEEDED or FAILED, once. */
public enum RefundStatus {

    PENDING, SUCCEEDED, FAILED
}
