package io.shopops.fulfilment;

import java.time.Instant;

import io.shopops.inventory.ReservationId;

/**
 * A shipment was cancelled before dispatch. Its reservation is untouched: it still holds the units for the order,
 * whose module decides whether to release it or ship it again under a new shipment.
 */
public record ShipmentCancelled(ShipmentId shipmentId, String orderReference, ReservationId reservationId,
        String reason, Instant cancelledAt) {
}
