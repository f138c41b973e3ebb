package io.shopops.marketing;

/**
 * DRAFT (editable) → SCHEDULED (published, waiting for its start) → RUNNING (within its window) → ENDED (past
 * its end or its budget spent); STOPPED when an operator ends it early. SCHEDULED, RUNNING and ENDED follow from
 * the clock; only DRAFT, SCHEDULED and STOPPED are stored.
 */
public enum PromotionStatus {
    DRAFT, SCHEDULED, RUNNING, ENDED, STOPPED
}
