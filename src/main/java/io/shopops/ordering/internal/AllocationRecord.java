package io.shopops.ordering.internal;

import java.time.Instant;

import io.shopops.inventory.ReservationId;
import io.shopops.inventory.WarehouseId;
import org.jspecify.annotations.Nullable;

/** A warehouse serving an order: its reservation, then its shipment and the parcel's progress. */
public record AllocationRecord(WarehouseId warehouseId, ReservationId reservationId, @Nullable Long shipmentId,
        Status status, @Nullable String carrier, @Nullable String trackingNumber, @Nullable Instant dispatchedAt,
        @Nullable Instant deliveredAt) {

    public enum Status {
        /** Stock reserved; no shipment yet. */
        RESERVED,
        /** A shipment was created for it. */
        SHIPMENT_CREATED,
        /** The parcel left the warehouse. */
        DISPATCHED,
        /** The parcel was signed for. */
        DELIVERED,
        /** The order was cancelled and the stock given back. */
        RELEASED
    }
}
