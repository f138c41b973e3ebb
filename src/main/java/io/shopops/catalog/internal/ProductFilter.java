package io.shopops.catalog.internal;

import java.math.BigDecimal;

import io.shopops.catalog.ProductSort;
import io.shopops.catalog.ProductStatus;
import org.jspecify.annotations.Nullable;

/**
 * A validated product search as the database runs it: the category resolved to its materialised path
 * (so that its descendants match too), the brand as its id. Stock states are not here: the inventory's
 * figures are matched in Java against the active SKUs the database streams ({@link ProductSearchRepository}).
 */
public record ProductFilter(@Nullable String keyword, @Nullable String categoryPath, @Nullable Long brandId,
        @Nullable ProductStatus status, @Nullable BigDecimal minPrice, @Nullable BigDecimal maxPrice,
        @Nullable String tag, ProductSort sort) {
}
