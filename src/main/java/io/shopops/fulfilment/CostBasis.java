package io.shopops.fulfilment;

/** How a shipment's logistics cost was found: typed in at dispatch, or the carrier's rate for the parcel's weight. */
public enum CostBasis {
    ENTERED, CARRIER_RATE
}
