package io.shopops.fulfilment;

import java.time.Instant;

import io.shopops.inventory.ReservationId;

/**
 * A shipment was handed to a carrier (發貨): its reservation was shipped in the same transaction, so the units
 * have left the warehouse. The moment to tell the customer their tracking number.
 */
public record ShipmentDispatched(ShipmentId shipmentId, String orderReference, ReservationId reservationId,
        String carrier, String trackingNumber, Instant dispatchedAt) {
}
