package io.shopops.catalog.web;

import java.math.BigDecimal;

import io.shopops.catalog.BrandId;
import io.shopops.catalog.CategoryId;
import io.shopops.catalog.ProductQuery;
import io.shopops.catalog.ProductSort;
import io.shopops.catalog.ProductStatus;
import io.shopops.catalog.StockState;
import org.jspecify.annotations.Nullable;

/**
 * The query parameters of a product search, shared by the API's search and export and the console's list:
 * {@code q, categoryId, brandId, status, minPrice, maxPrice, stockState, tag, sort}.
 */
record ProductFilterParams(@Nullable String q, @Nullable Long categoryId, @Nullable Long brandId,
        @Nullable ProductStatus status, @Nullable BigDecimal minPrice, @Nullable BigDecimal maxPrice,
        @Nullable StockState stockState, @Nullable String tag, @Nullable String sort) {

    /** Reads the parameters into a query; an unknown sort is refused naming {@code sort}. */
    ProductQuery toQuery() {
        return new ProductQuery(q, categoryId == null ? null : new CategoryId(categoryId),
                brandId == null ? null : new BrandId(brandId), status, minPrice, maxPrice, stockState, tag,
                ProductSort.parse(sort));
    }
}
