package io.shopops.groupbuy;

/**
 * A group's lifecycle: OPEN while it gathers members, SUCCEEDED once all of its places are paid (its members' orders
 * go to fulfilment), FAILED when its time ran out first or its activity was cancelled (every member's order is
 * cancelled and what was paid refunded).
 */
public enum GroupStatus {
    OPEN, SUCCEEDED, FAILED
}
