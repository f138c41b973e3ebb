package io.shopops.inventory.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Inventory settings.
 *
 * @param reservationTtl  how long a reservation holds stock unless the request gives its own time to live
 * @param maxReservationTtl the longest time to live a request may ask for
 * @param expiryInterval  how often the job looks for expired reservations
 * @param expiryBatchSize how many expired reservations the job reads at a time
 */
@ConfigurationProperties("shopops.inventory")
public record InventoryProperties(
        @DefaultValue("30m") Duration reservationTtl,
        @DefaultValue("7d") Duration maxReservationTtl,
        @DefaultValue("1m") Duration expiryInterval,
        @DefaultValue("200") int expiryBatchSize) {

    public InventoryProperties {
        if (reservationTtl.isNegative() || reservationTtl.isZero() || reservationTtl.compareTo(maxReservationTtl) > 0) {
            throw new IllegalArgumentException("shopops.inventory.reservation-ttl must be positive and at most "
                    + "shopops.inventory.max-reservation-ttl");
        }
        if (expiryBatchSize < 1) {
            throw new IllegalArgumentException("shopops.inventory.expiry-batch-size must be at least 1");
        }
    }
}
