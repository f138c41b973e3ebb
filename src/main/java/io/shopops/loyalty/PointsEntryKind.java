package io.shopops.loyalty;

/**
 * What moved a customer's points: EARN (an order paid), BONUS (a rule's reward), ADJUST (staff, either way),
 * RETURN (points an order spent, back on its cancellation), REDEEM (spent at checkout), REVERSE (earned points
 * taken back on a cancellation or refund), EXPIRE (a lot's rest at its expiry).
 */
public enum PointsEntryKind {
    EARN, BONUS, ADJUST, RETURN, REDEEM, REVERSE, EXPIRE
}
