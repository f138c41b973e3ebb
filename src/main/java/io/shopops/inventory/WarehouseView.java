package io.shopops.inventory;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

public record WarehouseView(WarehouseId id, String code, String name, @Nullable String region,
        @Nullable String address, boolean active, Instant createdAt, Instant updatedAt, long version) {
}
