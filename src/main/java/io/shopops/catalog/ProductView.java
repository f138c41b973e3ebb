package io.shopops.catalog;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A product with everything about it: the form the API returns and the audit log records. */
public record ProductView(
        ProductId id,
        String spuCode,
        String title,
        @Nullable String titleEn,
        @Nullable String subtitle,
        @Nullable String description,
        CategoryId categoryId,
        @Nullable BrandId brandId,
        ProductStatus status,
        Instant statusChangedAt,
        String statusChangedBy,
        List<String> imageUrls,
        List<String> tags,
        List<SkuView> skus,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy,
        long version) {

    public ProductView {
        imageUrls = List.copyOf(imageUrls);
        tags = tags.stream().sorted().toList();
        skus = List.copyOf(skus);
    }

    /** Whether it could be sold if on the shelf: at least one active SKU with a sale price above zero. */
    public boolean hasSellableSku() {
        return skus.stream().anyMatch(sku -> sku.active() && !sku.salePrice().isZero());
    }

    public java.util.Optional<SkuView> sku(SkuId id) {
        return skus.stream().filter(sku -> sku.id().equals(id)).findFirst();
    }
}
