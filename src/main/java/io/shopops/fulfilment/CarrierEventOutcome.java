package io.shopops.fulfilment;

/** What became of a carrier's event: recorded now, or already recorded before under the same event id. */
public enum CarrierEventOutcome {
    RECORDED, DUPLICATE
}
