package io.shopops.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.shopops.audit.AuditLog;
import io.shopops.catalog.internal.BrandRepository;
import io.shopops.catalog.internal.CategoryRepository;
import io.shopops.catalog.internal.ProductRepository;
import io.shopops.catalog.internal.ProductRules;
import io.shopops.shared.Actors;
import io.shopops.shared.ConflictException;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.ShopProperties;
import io.shopops.shared.Violations;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog's facade: one method per use case, each validating its input in full, writing in one
 * transaction and recording the change in the audit log. The REST API, the console, the CSV import and the
 * demo generator all come through here.
 */
@Service
public class Catalog {

    private final CategoryRepository categories;
    private final BrandRepository brands;
    private final ProductRepository products;
    private final AuditLog audit;
    private final ShopProperties shop;
    private final Clock clock;

    Catalog(CategoryRepository categories, BrandRepository brands, ProductRepository products, AuditLog audit,
            ShopProperties shop, Clock clock) {
        this.categories = categories;
        this.brands = brands;
        this.products = products;
        this.audit = audit;
        this.shop = shop;
        this.clock = clock;
    }

    // --- categories -------------------------------------------------------------------------------------

    @Transactional
    public CategoryView createCategory(NewCategory category) {
        Violations v = new Violations();
        v.code("code", category.code());
        v.text("name", category.name(), true, 100);
        v.text("nameEn", category.nameEn(), false, 100);
        v.throwIfAny();
        CategoryView parent = category.parentId() == null ? null : categories.find(category.parentId())
                .orElseThrow(() -> NotFoundException.reference("parentId", "Category", category.parentId()));
        if (parent != null && parent.depth() >= 5) {
            throw new io.shopops.shared.InvalidInputException("parentId", "categories nest at most 5 levels deep");
        }
        if (categories.existsByCode(category.code().trim())) {
            throw new ConflictException("code", "is already used by another category");
        }
        CategoryId id = categories.insert(category.parentId(), parent == null ? "/" : parent.path(),
                parent == null ? 0 : parent.depth(), category.code().trim(), category.name().trim(),
                category.nameEn() == null || category.nameEn().isBlank() ? null : category.nameEn().trim(),
                category.sortOrder(), Instant.now(clock));
        CategoryView created = category(id);
        audit.record("CATEGORY_CREATED", "category", id, created.code(), null, created);
        return created;
    }

    @Transactional(readOnly = true)
    public CategoryView category(CategoryId id) {
        return categories.find(id).orElseThrow(() -> NotFoundException.of("Category", id));
    }

    @Transactional(readOnly = true)
    public Optional<CategoryView> categoryByCode(String code) {
        return categories.findByCode(code);
    }

    /** Every category; the console and the API build the tree from the parent ids. */
    @Transactional(readOnly = true)
    public List<CategoryView> categories() {
        return categories.all();
    }

    // --- brands -----------------------------------------------------------------------------------------

    @Transactional
    public BrandView createBrand(NewBrand brand) {
        Violations v = new Violations();
        v.code("code", brand.code());
        v.text("name", brand.name(), true, 100);
        v.text("nameEn", brand.nameEn(), false, 100);
        v.url("logoUrl", brand.logoUrl(), false);
        v.multilineText("description", brand.description(), false, 2000);
        v.throwIfAny();
        if (brands.existsByCode(brand.code().trim())) {
            throw new ConflictException("code", "is already used by another brand");
        }
        BrandId id = brands.insert(brand, Instant.now(clock));
        BrandView created = brand(id);
        audit.record("BRAND_CREATED", "brand", id, created.code(), null, created);
        return created;
    }

    @Transactional(readOnly = true)
    public BrandView brand(BrandId id) {
        return brands.find(id).orElseThrow(() -> NotFoundException.of("Brand", id));
    }

    @Transactional(readOnly = true)
    public Optional<BrandView> brandByCode(String code) {
        return brands.findByCode(code);
    }

    @Transactional(readOnly = true)
    public List<BrandView> brands() {
        return brands.all();
    }

    // --- products ---------------------------------------------------------------------------------------

    /** Creates a product as a DRAFT with its SKUs. */
    @Transactional
    public ProductView createProduct(NewProduct product) {
        Violations v = new Violations();
        ProductRules.checkProduct(v, product, shop.currency());
        v.throwIfAny();
        if (categories.find(product.categoryId()).isEmpty()) {
            throw NotFoundException.reference("categoryId", "Category", product.categoryId());
        }
        if (product.brandId() != null && brands.find(product.brandId()).isEmpty()) {
            throw NotFoundException.reference("brandId", "Brand", product.brandId());
        }
        if (products.spuCodeExists(product.spuCode())) {
            throw new ConflictException("spuCode", "is already used by another product");
        }
        Set<String> taken = products.existingSkuCodes(product.skus().stream().map(NewSku::skuCode).toList());
        if (!taken.isEmpty()) {
            Violations duplicates = new Violations();
            for (int i = 0; i < product.skus().size(); i++) {
                if (taken.contains(product.skus().get(i).skuCode().trim())) {
                    duplicates.add("skus[" + i + "].skuCode", "is already used by another SKU");
                }
            }
            throw new ConflictException("SKU codes are already used by other SKUs", duplicates.list());
        }
        ProductId id = products.insert(product, shop.currency(), Actors.current().username(), Instant.now(clock));
        ProductView created = product(id);
        audit.record("PRODUCT_CREATED", "product", id, created.spuCode(), null, created);
        return created;
    }

    @Transactional(readOnly = true)
    public ProductView product(ProductId id) {
        return products.find(id).orElseThrow(() -> NotFoundException.of("Product", id));
    }

    // --- SKUs for other modules ---------------------------------------------------------------------------

    /** The SKUs among the given ids that exist; unknown ids are simply missing from the map. */
    @Transactional(readOnly = true)
    public Map<SkuId, SkuRef> skus(Collection<SkuId> ids) {
        return products.skuRefs(ids);
    }

    @Transactional(readOnly = true)
    public Optional<SkuRef> sku(SkuId id) {
        return Optional.ofNullable(products.skuRefs(List.of(id)).get(id));
    }

    @Transactional(readOnly = true)
    public Optional<SkuRef> skuByCode(String skuCode) {
        return products.skuIdByCode(skuCode).flatMap(this::sku);
    }
}
