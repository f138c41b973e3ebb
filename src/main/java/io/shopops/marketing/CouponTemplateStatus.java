package io.shopops.marketing;

/** DRAFT (editable) → ACTIVE (claimable and issuable within its issue window) → STOPPED (no more issued). */
public enum CouponTemplateStatus {
    DRAFT, ACTIVE, STOPPED
}
