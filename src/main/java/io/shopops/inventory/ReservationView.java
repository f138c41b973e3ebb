package io.shopops.inventory;

import java.time.Instant;
import java.util.List;

import io.shopops.catalog.SkuId;
import org.jspecify.annotations.Nullable;

public record ReservationView(ReservationId id, String reference, ReservationStatus status, List<Line> lines,
        @Nullable Instant expiresAt, Instant createdAt, String createdBy, @Nullable Instant closedAt,
        @Nullable String closedBy) {

    public ReservationView {
        lines = List.copyOf(lines);
    }

    public record Line(SkuId skuId, WarehouseId warehouseId, int quantity) {
    }
}
