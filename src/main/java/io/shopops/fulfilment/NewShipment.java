package io.shopops.fulfilment;

import java.time.Instant;
import java.util.List;

import io.shopops.inventory.ReservationId;
import io.shopops.inventory.WarehouseId;
import org.jspecify.annotations.Nullable;

/**
 * A shipment to create for an order: everything about the order arrives here, the fulfilment module knows no
 * orders. The reservation holds exactly the shipment's units in its warehouse (its lines, summed by SKU, equal
 * the shipment's); one order may have several shipments, one per warehouse and reservation.
 *
 * @param orderReference the order number (1 to 64 letters, digits, '.', '_' or '-')
 * @param promisedAt     when the customer was promised delivery
 */
public record NewShipment(@Nullable String orderReference, @Nullable WarehouseId warehouseId,
        @Nullable ReservationId reservationId, @Nullable List<ShipmentLine> lines, @Nullable Destination destination,
        @Nullable Instant promisedAt, @Nullable ShippingMethod shippingMethod) {
}
