package io.shopops.flashsale;

/**
 * An entitlement's life. ACCEPTED: the gate gave the customer units of the quota, to be bought within the pay
 * window. USED: an order was placed with them (checkout's transaction), to be paid within the pay window. PAID:
 * that order was paid. EXPIRED: not used in time (or its session was cancelled first); its units went back.
 * RETURNED: its order was cancelled; its units went back. Each step is one conditional UPDATE from the states
 * allowed to reach it, so units go back at most once.
 */
public enum EntitlementStatus {
    ACCEPTED, USED, PAID, EXPIRED, RETURNED;

    /** Whether the entitlement still holds units of the quota. */
    public boolean holdsUnits() {
        return this == ACCEPTED || this == USED || this == PAID;
    }
}
