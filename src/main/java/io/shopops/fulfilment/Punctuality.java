package io.shopops.fulfilment;

import java.time.Instant;

/** A delivered shipment against its promise: ON_TIME when signed for at or before the promised time. */
public enum Punctuality {

    ON_TIME, LATE;

    /** The one definition of on-time delivery (docs/metrics.md). */
    public static Punctuality of(Instant deliveredAt, Instant promisedAt) {
        return deliveredAt.isAfter(promisedAt) ? LATE : ON_TIME;
    }
}
