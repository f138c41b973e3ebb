package io.shopops.fulfilment;

import java.time.Instant;

/** A shipment was signed for (簽收) at {@code deliveredAt}, on time or not against its promise. */
public record ShipmentDelivered(ShipmentId shipmentId, String orderReference, Instant deliveredAt, boolean onTime) {
}
