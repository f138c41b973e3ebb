package io.shopops.catalog;

import java.time.Instant;
import java.util.Locale;

import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A product as a search lists it. Prices span the active SKUs (empty when none is active). The stock
 * figures are there when the inventory's {@link StockLevels} are: {@code availableStock} sums the active
 * SKUs' available stock and {@code stockState} is the most urgent state among them (one SKU out of stock
 * makes the product OUT_OF_STOCK, as the stock filter finds it).
 */
public record ProductSummary(
        ProductId id,
        String spuCode,
        String title,
        @Nullable String titleEn,
        CategoryId categoryId,
        String categoryName,
        @Nullable String categoryNameEn,
        @Nullable BrandId brandId,
        @Nullable String brandName,
        @Nullable String brandNameEn,
        ProductStatus status,
        @Nullable Money minSalePrice,
        @Nullable Money maxSalePrice,
        int skuCount,
        int activeSkuCount,
        @Nullable String imageUrl,
        @Nullable Long availableStock,
        @Nullable StockState stockState,
        Instant updatedAt,
        long version) {

    public String displayTitle(Locale locale) {
        return "en".equals(locale.getLanguage()) && titleEn != null ? titleEn : title;
    }

    public String displayCategory(Locale locale) {
        return "en".equals(locale.getLanguage()) && categoryNameEn != null ? categoryNameEn : categoryName;
    }

    public @Nullable String displayBrand(Locale locale) {
        return "en".equals(locale.getLanguage()) && brandNameEn != null ? brandNameEn : brandName;
    }

    /** The same summary with the stock figures of its active SKUs. */
    public ProductSummary withStock(@Nullable Long available, @Nullable StockState state) {
        return new ProductSummary(id, spuCode, title, titleEn, categoryId, categoryName, categoryNameEn, brandId,
                brandName, brandNameEn, status, minSalePrice, maxSalePrice, skuCount, activeSkuCount, imageUrl,
                available, state, updatedAt, version);
    }
}
