package io.shopops.fulfilment;

import java.time.Instant;
import java.util.List;

import io.shopops.catalog.SkuId;
import io.shopops.inventory.ReservationId;
import io.shopops.inventory.WarehouseId;
import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A shipment as of the moment it was read: {@code late} (delivered after the promise, or not delivered and past
 * it) and {@code stuck} (with the carrier and no tracking event for the configured time) are judged at that moment.
 *
 * @param lastTrackedAt the time of the latest tracking event (by the event's own time), if any
 */
public record ShipmentView(ShipmentId id, String orderReference, WarehouseId warehouseId,
        ReservationId reservationId, ShipmentStatus status, ShippingMethod shippingMethod, List<Line> lines,
        Destination destination, Instant promisedAt, @Nullable String carrier, @Nullable String trackingNumber,
        @Nullable Integer weightGrams, @Nullable Money logisticsCost, @Nullable CostBasis costBasis,
        @Nullable Instant dispatchedAt, @Nullable Instant deliveredAt, @Nullable Punctuality punctuality,
        @Nullable ExceptionReason exceptionReason, @Nullable Instant lastTrackedAt, boolean late, boolean stuck,
        Instant createdAt, String createdBy, Instant updatedAt) {

    public ShipmentView {
        lines = List.copyOf(lines);
    }

    public record Line(SkuId skuId, int quantity) {
    }

    public int units() {
        return lines.stream().mapToInt(Line::quantity).sum();
    }

    /** The same shipment with the recipient's personal data masked (for viewers who do not print labels). */
    public ShipmentView masked() {
        return new ShipmentView(id, orderReference, warehouseId, reservationId, status, shippingMethod, lines,
                destination.masked(), promisedAt, carrier, trackingNumber, weightGrams, logisticsCost, costBasis,
                dispatchedAt, deliveredAt, punctuality, exceptionReason, lastTrackedAt, late, stuck, createdAt,
                createdBy, updatedAt);
    }
}
