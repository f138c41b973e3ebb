package io.shopops.marketing;

/** FIXED_AMOUNT: an amount off (e.g. ¥20 off from ¥199); PERCENT: a percentage off, up to a cap. */
public enum CouponKind {
    FIXED_AMOUNT, PERCENT
}
