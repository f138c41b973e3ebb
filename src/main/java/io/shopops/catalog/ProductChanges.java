package io.shopops.catalog;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * New details of a product (its SPU code stays). The SKUs listed are created or updated by their code; SKUs
 * of the product that are not listed stay as they are (they are deactivated explicitly, never dropped, since
 * other modules hold their ids). An empty list leaves the SKUs alone.
 */
public record ProductChanges(
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
