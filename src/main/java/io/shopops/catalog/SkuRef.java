package io.shopops.catalog;

import java.util.List;
import java.util.stream.Collectors;

import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/** What other modules know of a SKU: enough to name it, price it, value its stock and target it in promotions. */
public record SkuRef(
        SkuId id,
        String skuCode,
        ProductId productId,
        CategoryId categoryId,
        @Nullable BrandId brandId,
        String spuCode,
        String productTitle,
        List<SpecAttribute> attributes,
        Money salePrice,
        Money costPrice,
        ProductStatus productStatus,
        boolean active) {

    public SkuRef {
        attributes = List.copyOf(attributes);
    }

    /** "Red / M", or empty for a product with a single unnamed SKU. */
    public String specText() {
        return attributes.stream().map(SpecAttribute::value).collect(Collectors.joining(" / "));
    }

    /** Whether the SKU can be sold now: its product on the shelf and the SKU itself active. */
    public boolean isSellable() {
        return active && productStatus == ProductStatus.ON_SHELF;
    }
}
