package io.shopops.inventory;

import java.time.Instant;
import java.util.UUID;

import io.shopops.catalog.SkuId;
import org.jspecify.annotations.Nullable;

/** One ledger entry. */
public record MovementView(long id, SkuId skuId, WarehouseId warehouseId, MovementType type, long onHandDelta,
        long reservedDelta, @Nullable String reason, @Nullable String reference, @Nullable UUID transferId,
        @Nullable ReservationId reservationId, String actor, Instant occurredAt) {
}
