package io.shopops.groupbuy;

/**
 * A customer's place in a group: PENDING_PAYMENT (the place is taken; the customer checks out and pays), PAID (the
 * order is paid and waits for the group), then RELEASED (the group succeeded; the order went on to fulfilment),
 * REFUNDED (the group failed; the paid order was cancelled and refunded in full) or CANCELLED (given up without a
 * payment kept: the order was cancelled or never placed; the place went back to the group while it gathered).
 */
public enum MembershipStatus {
    PENDING_PAYMENT, PAID, RELEASED, REFUNDED, CANCELLED;

    /** Still holding a place in a group that has not been settled. */
    public boolean isActive() {
        return this == PENDING_PAYMENT || this == PAID;
    }
}
