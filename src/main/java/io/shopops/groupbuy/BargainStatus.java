package io.shopops.groupbuy;

/**
 * A customer's bargain: ACTIVE (helpers cut its price, the owner may buy at the price reached) until its deadline,
 * then PURCHASED (bought once, through checkout) or EXPIRED (the deadline passed unbought).
 */
public enum BargainStatus {
    ACTIVE, PURCHASED, EXPIRED
}
