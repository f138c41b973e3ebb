package io.shopops.catalog;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One move of a product in its lifecycle (上架/下架), who made it and why; {@code from} is empty at creation. */
public record StatusChange(@Nullable ProductStatus from, ProductStatus to, Instant changedAt, String changedBy,
        @Nullable String reason) {
}
