package io.shopops.fulfilment;

import java.time.Instant;

import io.shopops.inventory.ReservationId;
import io.shopops.inventory.WarehouseId;

/** A shipment was created for an order; its units wait in the warehouse to be picked. */
public record ShipmentCreated(ShipmentId shipmentId, String orderReference, WarehouseId warehouseId,
        ReservationId reservationId, Instant promisedAt, Instant createdAt) {
}
