package io.shopops.fulfilment;

/** Where a tracking event came from: the carrier's webhook or a staff member typing it in. */
public enum TrackingSource {
    CARRIER, MANUAL
}
