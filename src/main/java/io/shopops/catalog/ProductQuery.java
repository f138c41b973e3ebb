package io.shopops.catalog;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * What to look for among the products; every part is optional and the parts combine with AND.
 *
 * @param keyword    matched case-insensitively in the title, English title, subtitle, SPU code, SKU codes and tags
 * @param categoryId the category or any of its descendants
 * @param minPrice   products with an active SKU whose sale price is at least this (and at most {@code maxPrice})
 * @param stockState products with an active SKU in this stock state; needs the inventory's {@link StockLevels}
 * @param tag        products carrying this tag (case-insensitive, whole tag)
 */
public record ProductQuery(
        @Nullable String keyword,
        @Nullable CategoryId categoryId,
        @Nullable BrandId brandId,
        @Nullable ProductStatus status,
        @Nullable BigDecimal minPrice,
        @Nullable BigDecimal maxPrice,
        @Nullable StockState stockState,
        @Nullable String tag,
        ProductSort sort) {

    public static ProductQuery all() {
        return new ProductQuery(null, null, null, null, null, null, null, null, ProductSort.DEFAULT);
    }

    public ProductQuery withKeyword(@Nullable String keyword) {
        return new ProductQuery(keyword, categoryId, brandId, status, minPrice, maxPrice, stockState, tag, sort);
    }

    public ProductQuery withCategory(@Nullable CategoryId categoryId) {
        return new ProductQuery(keyword, categoryId, brandId, status, minPrice, maxPrice, stockState, tag, sort);
    }

    public ProductQuery withBrand(@Nullable BrandId brandId) {
        return new ProductQuery(keyword, categoryId, brandId, status, minPrice, maxPrice, stockState, tag, sort);
    }

    public ProductQuery withStatus(@Nullable ProductStatus status) {
        return new ProductQuery(keyword, categoryId, brandId, status, minPrice, maxPrice, stockState, tag, sort);
    }

    public ProductQuery withPrice(@Nullable BigDecimal minPrice, @Nullable BigDecimal maxPrice) {
        return new ProductQuery(keyword, categoryId, brandId, status, minPrice, maxPrice, stockState, tag, sort);
    }

    public ProductQuery withStockState(@Nullable StockState stockState) {
        return new ProductQuery(keyword, categoryId, brandId, status, minPrice, maxPrice, stockState, tag, sort);
    }

    public ProductQuery withTag(@Nullable String tag) {
        return new ProductQuery(keyword, categoryId, brandId, status, minPrice, maxPrice, stockState, tag, sort);
    }

    public ProductQuery sortedBy(ProductSort sort) {
        return new ProductQuery(keyword, categoryId, brandId, status, minPrice, maxPrice, stockState, tag, sort);
    }
}
