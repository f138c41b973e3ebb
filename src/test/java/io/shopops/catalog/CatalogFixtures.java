package io.shopops.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Catalog data for tests, made through the facades like the console would. Codes are unique per run, since
 * test contexts share their database.
 */
@Component
public class CatalogFixtures {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private final Catalog catalog;
    private final Categories categories;
    private final Brands brands;

    CatalogFixtures(Catalog catalog, Categories categories, Brands brands) {
        this.catalog = catalog;
        this.categories = categories;
        this.brands = brands;
    }

    /** A code no other test uses: {@code prefix-<n>}. */
    public static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet();
    }

    public CategoryView category() {
        return category(null);
    }

    public CategoryView category(@Nullable CategoryView parent) {
        String code = unique("cat");
        return categories.create(new NewCategory(code, "类目 " + code, "Category " + code,
                parent == null ? null : parent.id(), 0));
    }

    public BrandView brand() {
        String code = unique("brand");
        return brands.create(new NewBrand(code, "品牌 " + code, "Brand " + code, null, null));
    }

    public static NewSku sku(String code, String salePrice) {
        return new NewSku(code, List.of(new SpecAttribute("颜色", code)), new BigDecimal("999.00"),
                new BigDecimal(salePrice), new BigDecimal("10.00"), null, 250);
    }

    /** A DRAFT product with one SKU per sale price given (list price 999.00). */
    public ProductView product(CategoryView category, String... salePrices) {
        return product(category, null, unique("SPU"), "商品 " + unique("t"), Set.of(), salePrices);
    }

    public ProductView product(CategoryView category, @Nullable BrandView brand, String spuCode, String title,
            Set<String> tags, String... salePrices) {
        List<NewSku> skus = new ArrayList<>();
        for (String price : salePrices.length == 0 ? new String[] { "99.00" } : salePrices) {
            skus.add(sku(unique(spuCode + "-SKU"), price));
        }
        return catalog.createProduct(new NewProduct(spuCode, title, null, null, null, category.id(),
                brand == null ? null : brand.id(), List.of("https://img.example.com/" + spuCode + ".jpg"), tags, skus));
    }

    /** A product on the shelf (上架). */
    public ProductView onShelf(CategoryView category, String... salePrices) {
        ProductView draft = product(category, salePrices);
        return catalog.changeStatus(draft.id(), ProductStatus.ON_SHELF, null, draft.version());
    }

    public static ProductChanges changesOf(ProductView product) {
        return new ProductChanges(product.title(), product.titleEn(), product.subtitle(), product.description(),
                product.categoryId(), product.brandId(), product.imageUrls(), Set.copyOf(product.tags()), List.of());
    }
}
