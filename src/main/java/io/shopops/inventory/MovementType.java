package io.shopops.inventory;

/**
 * Kinds of entries in the stock ledger. Each entry carries an on-hand delta and a reserved delta:
 * RECEIPT (+on hand), ADJUSTMENT (± on hand, with a reason), RESERVE (+reserved), RELEASE (−reserved, also
 * for expired reservations), SHIP (−on hand and −reserved), RETURN (+on hand) and TRANSFER (an out leg and an
 * in leg sharing a transfer id).
 */
public enum MovementType {
    RECEIPT, ADJUSTMENT, RESERVE, RELEASE, SHIP, RETURN, TRANSFER
}
