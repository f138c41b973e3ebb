package io.shopops.catalog;

import java.util.EnumMap;
import java.util.Map;

/** The catalog at a glance, for the home page: products by status and the SKUs that can be sold or prepared. */
public record CatalogFigures(Map<ProductStatus, Long> productsByStatus, long activeSkus) {

    public CatalogFigures {
        EnumMap<ProductStatus, Long> complete = new EnumMap<>(ProductStatus.class);
        for (ProductStatus status : ProductStatus.values()) {
            complete.put(status, productsByStatus.getOrDefault(status, 0L));
        }
        productsByStatus = Map.copyOf(complete);
    }

    public long products() {
        return productsByStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    public long productsOnShelf() {
        return productsByStatus.get(ProductStatus.ON_SHELF);
    }
}
