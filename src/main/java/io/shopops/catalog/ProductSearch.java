package io.shopops.catalog;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.shopops.catalog.internal.BrandRepository;
import io.shopops.catalog.internal.CategoryRepository;
import io.shopops.catalog.internal.ProductCsvExport;
import io.shopops.catalog.internal.ProductFilter;
import io.shopops.catalog.internal.ProductFinder;
import io.shopops.catalog.internal.ProductRepository;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.ShopProperties;
import io.shopops.shared.Violations;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finding products: a page of them for a query, all of them as CSV (the export the import reads back), and
 * the stock figures shown beside them. Reads only; products change through {@link Catalog}.
 */
@Service
public class ProductSearch {

    private final ProductFinder finder;
    private final ProductRepository products;
    private final CategoryRepository categories;
    private final BrandRepository brands;
    private final ShopProperties shop;

    ProductSearch(ProductFinder finder, ProductRepository products, CategoryRepository categories,
            BrandRepository brands, ShopProperties shop) {
        this.finder = finder;
        this.products = products;
        this.categories = categories;
        this.brands = brands;
        this.shop = shop;
    }

    /**
     * Finds products by the query, a page at a time. The stock figures (and the stock-state filter) come
     * from the inventory's {@link StockLevels}; without them the figures are empty and a stock-state filter
     * is refused.
     */
    @Transactional(readOnly = true)
    public Page<ProductSummary> find(ProductQuery query, PageQuery page) {
        return finder.page(filter(query), query.stockState(), page, shop.currency());
    }

    /**
     * Writes every product the query finds as CSV, one row per SKU, in the columns the import reads (so that
     * an export can be edited and imported again). The target is opened once the query is known to be valid.
     */
    @Transactional(readOnly = true)
    public void export(ProductQuery query, ExportTarget target) throws IOException {
        List<ProductId> ids = finder.ids(filter(query), query.stockState());
        ProductCsvExport.write(target.open(), ids, products::findAll, categories.all(), brands.all());
    }

    /** Whether stock figures are available (a module provides {@link StockLevels}; the inventory does). */
    public boolean hasStockLevels() {
        return finder.hasStockLevels();
    }

    /** Stock of the given SKUs, empty when no stock figures are available. */
    public Map<SkuId, SkuStock> stockOf(Collection<SkuId> skus) {
        return finder.stockOf(skus);
    }

    private ProductFilter filter(ProductQuery query) {
        Violations v = new Violations();
        v.text("q", query.keyword(), false, 100);
        v.text("tag", query.tag(), false, 32);
        if (query.minPrice() != null) {
            v.amount("minPrice", query.minPrice(), shop.currency());
        }
        if (query.maxPrice() != null) {
            v.amount("maxPrice", query.maxPrice(), shop.currency());
        }
        if (query.minPrice() != null && query.maxPrice() != null && v.isEmpty()
                && query.minPrice().compareTo(query.maxPrice()) > 0) {
            v.add("minPrice", "must not exceed maxPrice");
        }
        if (query.stockState() != null && !finder.hasStockLevels()) {
            v.add("stockState", "stock levels are not available");
        }
        v.throwIfAny();
        String categoryPath = null;
        if (query.categoryId() != null) {
            categoryPath = categories.find(query.categoryId())
                    .orElseThrow(() -> NotFoundException.reference("categoryId", "Category", query.categoryId()))
                    .path();
        }
        if (query.brandId() != null && brands.find(query.brandId()).isEmpty()) {
            throw NotFoundException.reference("brandId", "Brand", query.brandId());
        }
        return new ProductFilter(blankToNull(query.keyword()), categoryPath,
                query.brandId() == null ? null : query.brandId().value(), query.status(), query.minPrice(),
                query.maxPrice(), blankToNull(query.tag()), query.sort() == null ? ProductSort.DEFAULT : query.sort());
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
