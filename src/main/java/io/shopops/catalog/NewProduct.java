package io.shopops.catalog;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** A product (SPU) to create, always as a DRAFT, with at least one SKU. */
public record NewProduct(
        String spuCode,
        String title,
        @Nullable String titleEn,
        @Nullable String subtitle,
        @Nullable String description,
        CategoryId categoryId,
        @Nullable BrandId brandId,
        List<String> imageUrls,
        Set<String> tags,
        List<NewSku> skus) {
}
