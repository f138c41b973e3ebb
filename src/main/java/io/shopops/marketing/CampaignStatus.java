package io.shopops.marketing;

/**
 * DRAFT (editable) → SCHEDULED (launched, waiting for its start) → RUNNING (within its window) → ENDED (past its
 * end; its orders are still measured for its attribution days); STOPPED when an operator ends it early. SCHEDULED,
 * RUNNING and ENDED follow from the clock; DRAFT, LAUNCHED and STOPPED are stored.
 */
public enum CampaignStatus {
    DRAFT, SCHEDULED, RUNNING, ENDED, STOPPED
}
