package io.shopops.fulfilment;

import io.shopops.inventory.WarehouseId;
import org.jspecify.annotations.Nullable;

/**
 * Filters for the shipment list; each one given narrows it. {@code late} and {@code stuck} keep only shipments
 * that are late or stuck now (see {@link ShipmentView}).
 */
public record ShipmentQuery(@Nullable ShipmentStatus status, @Nullable WarehouseId warehouseId,
        @Nullable String carrier, @Nullable String orderReference, boolean late, boolean stuck) {

    public static ShipmentQuery all() {
        return new ShipmentQuery(null, null, null, null, false, false);
    }
}
