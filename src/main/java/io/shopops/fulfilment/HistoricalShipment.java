package io.shopops.fulfilment;

import java.time.Instant;
import java.util.List;

import io.shopops.inventory.ReservationId;
import io.shopops.inventory.WarehouseId;
import org.jspecify.annotations.Nullable;

/**
 * A shipment as it went, for {@link Shipments#importHistorical}: what a live shipment records step by step, given at
 * once. Its status follows from what is given: CREATED, then PICKING ({@code pickingAt}) and PACKED
 * ({@code packedAt}); DISPATCHED with {@code dispatched}, moved on by the carrier's {@code tracking} events exactly as
 * live events move it (IN_TRANSIT, DELIVERED, EXCEPTION); or CANCELLED before dispatch with {@code cancelled}.
 *
 * @param orderReference the order number
 * @param reservationId  the inventory reservation holding (or, once shipped, having held) the units
 * @param createdAt      when the shipment was created; every later time is in order after it and not in the future
 * @param promisedAt     when delivery was promised: a later signature makes it late
 * @param tracking       the carrier's events by their own time, none before the dispatch
 */
public record HistoricalShipment(@Nullable String orderReference, @Nullable WarehouseId warehouseId,
        @Nullable ReservationId reservationId, @Nullable List<ShipmentLine> lines, @Nullable Destination destination,
        @Nullable ShippingMethod shippingMethod, @Nullable Instant createdAt, @Nullable Instant promisedAt,
        @Nullable Instant pickingAt, @Nullable Instant packedAt, @Nullable Dispatched dispatched,
        @Nullable Cancelled cancelled, @Nullable List<Event> tracking) {

    /**
     * Handed to the carrier: a configured carrier, a tracking number in its format (unique for the carrier) and the
     * parcel's weight, which the carrier's rate turns into the logistics cost (as a live dispatch by weight).
     */
    public record Dispatched(@Nullable String carrier, @Nullable String trackingNumber, @Nullable Integer weightGrams,
            @Nullable Instant at) {
    }

    public record Cancelled(@Nullable Instant at, @Nullable String reason) {
    }

    /** An event the carrier reported. */
    public record Event(@Nullable TrackingEventType type, @Nullable Instant occurredAt, @Nullable String location,
            @Nullable String description) {
    }
}
