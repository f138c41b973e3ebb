package io.shopops.catalog.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.shopops.catalog.BrandId;
import io.shopops.catalog.BrandView;
import io.shopops.catalog.Brands;
import io.shopops.catalog.Catalog;
import io.shopops.catalog.Categories;
import io.shopops.catalog.CategoryId;
import io.shopops.catalog.CategoryNode;
import io.shopops.catalog.CategoryView;
import io.shopops.catalog.ProductId;
import io.shopops.catalog.ProductQuery;
import io.shopops.catalog.ProductSearch;
import io.shopops.catalog.ProductSort;
import io.shopops.catalog.ProductStatus;
import io.shopops.catalog.ProductSummary;
import io.shopops.catalog.ProductView;
import io.shopops.catalog.SkuId;
import io.shopops.catalog.SkuStock;
import io.shopops.catalog.SkuView;
import io.shopops.catalog.SpecAttribute;
import io.shopops.shared.Money;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.web.RequiresPermission;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalog as shoppers see it (商城): products on the shelf only, with sale prices and whether they can be
 * bought now. Nothing the shop keeps to itself leaves here: no drafts, withdrawn or archived products (they are
 * 404 like products that never existed), no cost prices, no stock counts, no internal codes of categories.
 */
@RestController
@RequestMapping("/api/v1/store")
@RequiresPermission(RequiresPermission.PUBLIC)
class StoreCatalogApi {

    private final Catalog catalog;
    private final ProductSearch search;
    private final Categories categories;
    private final Brands brands;

    StoreCatalogApi(Catalog catalog, ProductSearch search, Categories categories, Brands brands) {
        this.catalog = catalog;
        this.search = search;
        this.categories = categories;
        this.brands = brands;
    }

    /**
     * What a shopper may filter by: {@code q} (keyword), {@code categoryId} (with its subcategories),
     * {@code brandId}, {@code minPrice}/{@code maxPrice} (sale price) and {@code sort}. The status is not
     * among them: the storefront finds products on the shelf only.
     */
    record StoreFilterParams(@Nullable String q, @Nullable Long categoryId, @Nullable Long brandId,
            @Nullable BigDecimal minPrice, @Nullable BigDecimal maxPrice, @Nullable String sort) {

        ProductQuery toQuery() {
            return new ProductQuery(q, categoryId == null ? null : new CategoryId(categoryId),
                    brandId == null ? null : new BrandId(brandId), ProductStatus.ON_SHELF, minPrice, maxPrice, null,
                    null, ProductSort.parse(sort));
        }
    }

    /** A product in a list: its price range over the SKUs on sale and whether any of them is in stock. */
    record StoreProductSummary(ProductId id, String title, @Nullable String titleEn, CategoryId categoryId,
            String categoryName, @Nullable String categoryNameEn, @Nullable BrandId brandId,
            @Nullable String brandName, @Nullable String brandNameEn, @Nullable Money minPrice,
            @Nullable Money maxPrice, @Nullable String imageUrl, boolean inStock) {

        static StoreProductSummary of(ProductSummary p) {
            return new StoreProductSummary(p.id(), p.title(), p.titleEn(), p.categoryId(), p.categoryName(),
                    p.categoryNameEn(), p.brandId(), p.brandName(), p.brandNameEn(), p.minSalePrice(),
                    p.maxSalePrice(), p.imageUrl(), p.availableStock() != null && p.availableStock() > 0);
        }
    }

    /** A SKU on sale: its spec, the list price (划线价) and sale price, and whether it can be bought now. */
    record StoreSku(SkuId id, String skuCode, List<SpecAttribute> attributes, Money listPrice, Money salePrice,
            boolean inStock) {
    }

    record StoreProduct(ProductId id, String title, @Nullable String titleEn, @Nullable String subtitle,
            @Nullable String description, CategoryId categoryId, String categoryName, @Nullable String categoryNameEn,
            @Nullable BrandId brandId, @Nullable String brandName, @Nullable String brandNameEn,
            List<String> imageUrls, List<String> tags, List<StoreSku> skus) {
    }

    record StoreCategory(CategoryId id, @Nullable CategoryId parentId, String name, @Nullable String nameEn,
            List<StoreCategory> children) {

        static StoreCategory of(CategoryNode node) {
            return new StoreCategory(node.id(), node.parentId(), node.name(), node.nameEn(),
                    node.children().stream().map(StoreCategory::of).toList());
        }
    }

    @GetMapping("/products")
    Page<StoreProductSummary> products(@ModelAttribute StoreFilterParams filter,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return search.find(filter.toQuery(), new PageQuery(page, size)).map(StoreProductSummary::of);
    }

    @GetMapping("/products/{id}")
    StoreProduct product(@PathVariable long id) {
        ProductView product = catalog.product(new ProductId(id));
        if (product.status() != ProductStatus.ON_SHELF) {
            throw NotFoundException.of("Product", id);
        }
        List<SkuView> onSale = product.skus().stream().filter(SkuView::active).toList();
        Map<SkuId, SkuStock> stock = search.stockOf(onSale.stream().map(SkuView::id).toList());
        List<StoreSku> skus = onSale.stream()
                .map(sku -> new StoreSku(sku.id(), sku.skuCode(), sku.attributes(), sku.listPrice(), sku.salePrice(),
                        stock.getOrDefault(sku.id(), SkuStock.NONE).available() > 0))
                .toList();
        CategoryView category = categories.category(product.categoryId());
        BrandView brand = product.brandId() == null ? null : brands.brand(product.brandId());
        return new StoreProduct(product.id(), product.title(), product.titleEn(), product.subtitle(),
                product.description(), category.id(), category.name(), category.nameEn(),
                brand == null ? null : brand.id(), brand == null ? null : brand.name(),
                brand == null ? null : brand.nameEn(), product.imageUrls(), product.tags(), skus);
    }

    /** The category tree, top-level categories first, siblings in display order. */
    @GetMapping("/categories")
    List<StoreCategory> categories() {
        return categories.tree().stream().map(StoreCategory::of).toList();
    }
}
