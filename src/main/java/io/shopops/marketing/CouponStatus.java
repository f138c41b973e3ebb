package io.shopops.marketing;

/**
 * AVAILABLE (may be used within its validity), USED (by an order; back to AVAILABLE if the order is cancelled),
 * EXPIRED (validity over, never used; derived from the clock), VOID (withdrawn by staff).
 */
public enum CouponStatus {
    AVAILABLE, USED, EXPIRED, VOID
}
