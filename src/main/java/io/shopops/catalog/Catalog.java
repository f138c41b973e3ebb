package io.shopops.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.shopops.audit.AuditLog;
import io.shopops.catalog.internal.BrandRepository;
import io.shopops.catalog.internal.CategoryRepository;
import io.shopops.catalog.internal.CategoryTrees;
import io.shopops.catalog.internal.ProductCsvExport;
import io.shopops.catalog.internal.ProductFilter;
import io.shopops.catalog.internal.ProductFinder;
import io.shopops.catalog.internal.ProductImport;
import io.shopops.catalog.internal.ProductRepository;
import io.shopops.catalog.internal.ProductRules;
import io.shopops.catalog.internal.SkuUpserts;
import io.shopops.shared.Actors;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.ConflictException;
import io.shopops.shared.FieldViolation;
import io.shopops.shared.InvalidInputException;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.ShopProperties;
import io.shopops.shared.Violations;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog's facade: one method per use case, each validating its input in full, writing in one
 * transaction and recording the change in the audit log. The REST API, the console, the CSV import and the
 * demo generator all come through here.
 *
 * <p>A product and its SKUs change together: every change claims the product's version (the one the client
 * read), so a stale copy is refused with 409 and concurrent changes to one product run one after another.
 */
@Service
public class Catalog {

    /** Categories nest at most this deep (a CHECK constraint holds the database to it too). */
    public static final int MAX_CATEGORY_DEPTH = 5;
    /** A bulk status change names at most this many products. */
    public static final int MAX_BULK_PRODUCTS = 500;

    private final CategoryRepository categories;
    private final BrandRepository brands;
    private final ProductRepository products;
    private final ProductFinder finder;
    private final SkuUpserts skuUpserts;
    private final ProductImport importer;
    private final AuditLog audit;
    private final ShopProperties shop;
    private final Clock clock;

    Catalog(CategoryRepository categories, BrandRepository brands, ProductRepository products,
            ProductFinder finder, SkuUpserts skuUpserts, ProductImport importer, AuditLog audit, ShopProperties shop,
            Clock clock) {
        this.categories = categories;
        this.brands = brands;
        this.products = products;
        this.finder = finder;
        this.skuUpserts = skuUpserts;
        this.importer = importer;
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
        categories.lockTree();
        CategoryView parent = category.parentId() == null ? null : categories.find(category.parentId())
                .orElseThrow(() -> NotFoundException.reference("parentId", "Category", category.parentId()));
        if (parent != null && parent.depth() >= MAX_CATEGORY_DEPTH) {
            throw new InvalidInputException("parentId", "categories nest at most " + MAX_CATEGORY_DEPTH + " levels deep");
        }
        if (categories.existsByCode(category.code().trim())) {
            throw new ConflictException("code", "is already used by another category");
        }
        CategoryId id = categories.insert(category.parentId(), parent == null ? "/" : parent.path(),
                parent == null ? 0 : parent.depth(), category.code().trim(), category.name().trim(),
                category.nameEn() == null || category.nameEn().isBlank() ? null : category.nameEn().trim(),
                category.sortOrder(), now());
        CategoryView created = category(id);
        audit.record("CATEGORY_CREATED", "category", id, created.code(), null, created);
        return created;
    }

    /** Renames a category or changes its place among its siblings. */
    @Transactional
    public CategoryView updateCategory(CategoryId id, CategoryChanges changes, long expectedVersion) {
        Violations v = new Violations();
        v.text("name", changes.name(), true, 100);
        v.text("nameEn", changes.nameEn(), false, 100);
        v.throwIfAny();
        CategoryView before = category(id);
        if (!categories.update(id, changes, expectedVersion, now())) {
            throw stale("category");
        }
        CategoryView after = category(id);
        audit.record("CATEGORY_UPDATED", "category", id, after.code(), before, after);
        return after;
    }

    /**
     * Moves a category with its whole subtree under another parent, or to the top level without one. A
     * category cannot move under itself or its descendants, and the moved subtree must still fit in
     * {@value #MAX_CATEGORY_DEPTH} levels.
     */
    @Transactional
    public CategoryView moveCategory(CategoryId id, @Nullable CategoryId newParentId, long expectedVersion) {
        categories.lockTree();
        CategoryView before = category(id);
        CategoryView parent = newParentId == null ? null : categories.find(newParentId)
                .orElseThrow(() -> NotFoundException.reference("parentId", "Category", newParentId));
        if (parent != null && parent.path().startsWith(before.path())) {
            throw new InvalidInputException("parentId", "must not be the category itself or one of its descendants");
        }
        int newDepth = parent == null ? 1 : parent.depth() + 1;
        int subtreeHeight = categories.deepestUnder(before.path()) - before.depth();
        if (newDepth + subtreeHeight > MAX_CATEGORY_DEPTH) {
            throw new InvalidInputException("parentId", "would nest the category's subtree deeper than "
                    + MAX_CATEGORY_DEPTH + " levels");
        }
        String newPath = (parent == null ? "/" : parent.path()) + id.value() + "/";
        if (!categories.move(before, newParentId, newPath, newDepth, expectedVersion, now())) {
            throw stale("category");
        }
        CategoryView after = category(id);
        audit.record("CATEGORY_MOVED", "category", id, after.code(), before, after);
        return after;
    }

    /** Deletes a category without subcategories and products. */
    @Transactional
    public void deleteCategory(CategoryId id) {
        CategoryView before = category(id);
        if (!categories.deleteIfUnused(id)) {
            throw new ConflictException(categories.hasChildren(id)
                    ? "The category has subcategories; move or delete them first"
                    : "The category has products; file them under another category first");
        }
        audit.record("CATEGORY_DELETED", "category", id, before.code(), before, null);
    }

    @Transactional(readOnly = true)
    public CategoryView category(CategoryId id) {
        return categories.find(id).orElseThrow(() -> NotFoundException.of("Category", id));
    }

    @Transactional(readOnly = true)
    public Optional<CategoryView> categoryByCode(String code) {
        return categories.findByCode(code);
    }

    /** Every category, parents before their children. */
    @Transactional(readOnly = true)
    public List<CategoryView> categories() {
        return categories.all();
    }

    /** The category tree: top-level categories with their descendants nested, siblings in display order. */
    @Transactional(readOnly = true)
    public List<CategoryNode> categoryTree() {
        return CategoryTrees.build(categories.all(), categories.productCounts());
    }

    // --- brands -----------------------------------------------------------------------------------------

    @Transactional
    public BrandView createBrand(NewBrand brand) {
        Violations v = new Violations();
        v.code("code", brand.code());
        checkBrand(v, brand.name(), brand.nameEn(), brand.logoUrl(), brand.description());
        v.throwIfAny();
        if (brands.existsByCode(brand.code().trim())) {
            throw new ConflictException("code", "is already used by another brand");
        }
        BrandId id = brands.insert(brand, now());
        BrandView created = brand(id);
        audit.record("BRAND_CREATED", "brand", id, created.code(), null, created);
        return created;
    }

    @Transactional
    public BrandView updateBrand(BrandId id, BrandChanges changes, long expectedVersion) {
        Violations v = new Violations();
        checkBrand(v, changes.name(), changes.nameEn(), changes.logoUrl(), changes.description());
        v.throwIfAny();
        BrandView before = brand(id);
        if (!brands.update(id, changes, expectedVersion, now())) {
            throw stale("brand");
        }
        BrandView after = brand(id);
        audit.record("BRAND_UPDATED", "brand", id, after.code(), before, after);
        return after;
    }

    /** Deletes a brand no product uses. */
    @Transactional
    public void deleteBrand(BrandId id) {
        BrandView before = brand(id);
        if (!brands.deleteIfUnused(id)) {
            throw new ConflictException("The brand is used by " + brands.productCount(id)
                    + " products; give them another brand first");
        }
        audit.record("BRAND_DELETED", "brand", id, before.code(), before, null);
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

    private static void checkBrand(Violations v, @Nullable String name, @Nullable String nameEn,
            @Nullable String logoUrl, @Nullable String description) {
        v.text("name", name, true, 100);
        v.text("nameEn", nameEn, false, 100);
        v.url("logoUrl", logoUrl, false);
        v.multilineText("description", description, false, 2000);
    }

    // --- products ---------------------------------------------------------------------------------------

    /** Creates a product as a DRAFT with its SKUs. */
    @Transactional
    public ProductView createProduct(NewProduct product) {
        Violations v = new Violations();
        ProductRules.checkProduct(v, product, shop.currency());
        v.throwIfAny();
        requireReferences(product.categoryId(), product.brandId());
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
        ProductId id = products.insert(product, shop.currency(), actor(), now());
        ProductView created = product(id);
        audit.record("PRODUCT_CREATED", "product", id, created.spuCode(), null, created);
        return created;
    }

    @Transactional(readOnly = true)
    public ProductView product(ProductId id) {
        return products.find(id).orElseThrow(() -> NotFoundException.of("Product", id));
    }

    /**
     * Changes a product's details, and creates or updates the SKUs listed by their code. Archived products
     * are read-only; a product on the shelf must keep a SKU it can sell.
     */
    @Transactional
    public ProductView updateProduct(ProductId id, ProductChanges changes, long expectedVersion) {
        Violations v = new Violations();
        ProductRules.checkChanges(v, changes, shop.currency());
        v.throwIfAny();
        ProductView before = product(id);
        requireEditable(before);
        requireReferences(changes.categoryId(), changes.brandId());
        SkuUpserts.Plan upserts = skuUpserts.plan(before, changes.skus());
        claim(before, expectedVersion);
        products.updateDetails(id, changes);
        skuUpserts.apply(id, upserts, shop.currency(), now());
        ProductView after = product(id);
        requireStillSellable(after);
        audit.record("PRODUCT_UPDATED", "product", id, after.spuCode(), before, after);
        return after;
    }

    /** Adds a SKU to a product; its code must be new and its spec must differ from the product's other SKUs. */
    @Transactional
    public ProductView addSku(ProductId id, NewSku sku, long expectedVersion) {
        Violations v = new Violations();
        ProductRules.checkSku(v, sku, shop.currency());
        v.throwIfAny();
        ProductView before = product(id);
        requireEditable(before);
        if (before.skus().size() >= ProductRules.MAX_SKUS) {
            throw new InvalidInputException("skus", "a product has at most " + ProductRules.MAX_SKUS + " SKUs");
        }
        SkuUpserts.requireDistinctSpec(before, null, sku);
        if (!products.existingSkuCodes(List.of(sku.skuCode())).isEmpty()) {
            throw new ConflictException("skuCode", "is already used by another SKU");
        }
        claim(before, expectedVersion);
        products.insertSku(id, sku, products.nextSkuPosition(id), shop.currency(), now());
        ProductView after = product(id);
        audit.record("SKU_ADDED", "product", id, after.spuCode() + " " + sku.skuCode().trim(), before, after);
        return after;
    }

    /** Changes a SKU's code, prices, barcode, weight or spec under the rules of creation. */
    @Transactional
    public ProductView updateSku(ProductId id, SkuId skuId, NewSku sku, long expectedVersion) {
        Violations v = new Violations();
        ProductRules.checkSku(v, sku, shop.currency());
        v.throwIfAny();
        ProductView before = product(id);
        SkuView current = before.sku(skuId).orElseThrow(() -> NotFoundException.of("SKU", skuId));
        requireEditable(before);
        SkuUpserts.requireDistinctSpec(before, skuId, sku);
        if (!current.skuCode().equals(sku.skuCode().trim())
                && !products.existingSkuCodes(List.of(sku.skuCode())).isEmpty()) {
            throw new ConflictException("skuCode", "is already used by another SKU");
        }
        claim(before, expectedVersion);
        products.updateSku(skuId, sku, now());
        ProductView after = product(id);
        requireStillSellable(after);
        audit.record("SKU_UPDATED", "product", id, after.spuCode() + " " + sku.skuCode().trim(), before, after);
        return after;
    }

    /** Takes a SKU out of sale. The last active SKU of a product on the shelf cannot go. */
    @Transactional
    public ProductView deactivateSku(ProductId id, SkuId skuId, long expectedVersion) {
        return setSkuActive(id, skuId, false, expectedVersion);
    }

    @Transactional
    public ProductView activateSku(ProductId id, SkuId skuId, long expectedVersion) {
        return setSkuActive(id, skuId, true, expectedVersion);
    }

    private ProductView setSkuActive(ProductId id, SkuId skuId, boolean active, long expectedVersion) {
        ProductView before = product(id);
        SkuView sku = before.sku(skuId).orElseThrow(() -> NotFoundException.of("SKU", skuId));
        requireEditable(before);
        if (sku.active() == active) {
            throw new BusinessRuleException(active ? "sku-already-active" : "sku-already-inactive", "active",
                    "SKU " + sku.skuCode() + " is already " + (active ? "active" : "inactive"));
        }
        if (!active && before.status() == ProductStatus.ON_SHELF
                && before.skus().stream().filter(SkuView::active).count() == 1) {
            throw new BusinessRuleException("last-active-sku", "active",
                    "SKU " + sku.skuCode() + " is the last active SKU of a product on the shelf; take the product off the shelf first");
        }
        claim(before, expectedVersion);
        products.setSkuActive(skuId, active, now());
        ProductView after = product(id);
        requireStillSellable(after);
        audit.record(active ? "SKU_ACTIVATED" : "SKU_DEACTIVATED", "product", id,
                after.spuCode() + " " + sku.skuCode(), before, after);
        return after;
    }

    // --- lifecycle --------------------------------------------------------------------------------------

    /**
     * Moves a product in its lifecycle (上架 ON_SHELF, 下架 OFF_SHELF, ARCHIVED) along the moves
     * {@link ProductStatus#canMoveTo} allows; going on the shelf needs an active SKU with a sale price above
     * zero. Who and when are recorded in the product's status history.
     */
    @Transactional
    public ProductView changeStatus(ProductId id, ProductStatus target, @Nullable String reason,
            long expectedVersion) {
        checkStatusChange(target, reason);
        ProductView before = product(id);
        move(before, target, reason, expectedVersion);
        ProductView after = product(id);
        audit.record("PRODUCT_STATUS_CHANGED", "product", id,
                after.spuCode() + ": " + before.status() + " → " + target, before, after);
        return after;
    }

    /**
     * Moves several products to one status, all or none: if any of them cannot move, nothing changes and the
     * refusal names each product that failed ({@code productIds[i]}) and why.
     */
    @Transactional
    public BulkStatusResult changeStatuses(List<ProductId> ids, ProductStatus target, @Nullable String reason) {
        checkStatusChange(target, reason);
        if (ids == null || ids.isEmpty()) {
            throw new InvalidInputException("productIds", "must name at least one product");
        }
        if (ids.size() > MAX_BULK_PRODUCTS) {
            throw new InvalidInputException("productIds", "must name at most " + MAX_BULK_PRODUCTS + " products");
        }
        Violations v = new Violations();
        Set<ProductId> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            v.check(ids.get(i) != null, "productIds[" + i + "]", "is required");
            v.check(ids.get(i) == null || seen.add(ids.get(i)), "productIds[" + i + "]", "is repeated");
        }
        v.throwIfAny();
        Map<ProductId, ProductView> found = products.findAll(ids);
        List<FieldViolation> failures = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            ProductView before = found.get(ids.get(i));
            String field = "productIds[" + i + "]";
            if (before == null) {
                failures.add(new FieldViolation(field, "product " + ids.get(i) + " does not exist"));
                continue;
            }
            try {
                move(before, target, reason, before.version());
                audit.record("PRODUCT_STATUS_CHANGED", "product", before.id(),
                        before.spuCode() + ": " + before.status() + " → " + target, before, product(before.id()));
            } catch (BusinessRuleException | ConflictException refused) {
                String code = refused instanceof BusinessRuleException rule ? rule.code() : "stale-version";
                failures.add(new FieldViolation(field,
                        "product " + before.id() + " (" + before.spuCode() + "): " + code + ": " + refused.getMessage()));
            }
        }
        if (!failures.isEmpty()) {
            throw new BusinessRuleException("bulk-status-refused", "%d of %d products cannot move to %s; none was changed"
                    .formatted(failures.size(), ids.size(), target), failures);
        }
        return new BulkStatusResult(target, ids);
    }

    /** The product's moves between statuses, newest first, starting from its creation. */
    @Transactional(readOnly = true)
    public List<StatusChange> statusHistory(ProductId id) {
        product(id);
        return products.statusHistory(id);
    }

    private static void checkStatusChange(@Nullable ProductStatus target, @Nullable String reason) {
        Violations v = new Violations();
        v.check(target != null, "status", "is required");
        v.text("reason", reason, false, 500);
        v.throwIfAny();
    }

    private void move(ProductView product, ProductStatus target, @Nullable String reason, long expectedVersion) {
        if (!product.status().canMoveTo(target)) {
            throw new BusinessRuleException("illegal-transition", "status",
                    "cannot move from " + product.status() + " to " + target);
        }
        if (target == ProductStatus.ON_SHELF && !product.hasSellableSku()) {
            throw new BusinessRuleException("no-sellable-sku", "skus",
                    "needs at least one active SKU with a sale price above zero to go on the shelf");
        }
        if (!products.changeStatus(product.id(), product.status(), target, expectedVersion, actor(), now(), reason)) {
            throw stale("product");
        }
    }

    // --- search, export, import --------------------------------------------------------------------------

    /**
     * Finds products by the query, a page at a time. The stock figures (and the stock-state filter) come
     * from the inventory's {@link StockLevels}; without them the figures are empty and a stock-state filter
     * is refused.
     */
    @Transactional(readOnly = true)
    public Page<ProductSummary> searchProducts(ProductQuery query, PageQuery page) {
        return finder.page(filter(query), query.stockState(), page, shop.currency());
    }

    /**
     * Writes every product the query finds as CSV, one row per SKU, in the columns the import reads (so that
     * an export can be edited and imported again). The target is opened once the query is known to be valid.
     */
    @Transactional(readOnly = true)
    public void exportProducts(ProductQuery query, ExportTarget target) throws IOException {
        List<ProductId> ids = finder.ids(filter(query), query.stockState());
        ProductCsvExport.write(target.open(), ids, products::findAll, categories.all(), brands.all());
    }

    /**
     * Imports products from CSV (one row per SKU; see {@code ProductCsv} for the columns), all or nothing:
     * every row is checked first, against the file and the stored catalog, and any problem refuses the whole
     * file, naming each row and column. With {@code dryRun} nothing is written either way.
     */
    @Transactional
    public ImportSummary importProducts(InputStream csv, boolean dryRun) {
        ProductImport.Plan plan = importer.plan(csv, shop.currency());
        if (!dryRun) {
            for (ProductImport.PlannedProduct planned : plan.products()) {
                apply(planned);
            }
            ImportSummary done = plan.summary(false);
            audit.record("PRODUCTS_IMPORTED", "product", null, "%d rows: %d products created, %d updated, %d unchanged"
                    .formatted(done.rows(), done.productsCreated(), done.productsUpdated(), done.productsUnchanged()),
                    null, done);
        }
        return plan.summary(dryRun);
    }

    private void apply(ProductImport.PlannedProduct planned) {
        switch (planned.action()) {
            case CREATE -> {
                ProductId id = products.insert(planned.product(), shop.currency(), actor(), now());
                ProductView created = product(id);
                audit.record("PRODUCT_CREATED", "product", id, created.spuCode(), null, created);
                if (planned.status() != null && planned.status() != ProductStatus.DRAFT) {
                    move(created, planned.status(), "imported", created.version());
                    audit.record("PRODUCT_STATUS_CHANGED", "product", id,
                            created.spuCode() + ": DRAFT → " + planned.status(), created, product(id));
                }
            }
            case UPDATE -> {
                ProductView before = java.util.Objects.requireNonNull(planned.existing());
                claim(before, before.version());
                products.updateDetails(before.id(), planned.changes());
                skuUpserts.apply(before.id(), skuUpserts.plan(before, planned.changes().skus()), shop.currency(), now());
                ProductView after = product(before.id());
                if (planned.status() != null && planned.status() != before.status()) {
                    move(after, planned.status(), "imported", after.version());
                    after = product(before.id());
                }
                requireStillSellable(after);
                audit.record("PRODUCT_UPDATED", "product", before.id(), after.spuCode(), before, after);
            }
            case UNCHANGED -> {
                // the stored product already matches its rows: nothing to write, nothing to log
            }
        }
    }

    // --- for other modules and the home page ---------------------------------------------------------------

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

    /** Products by status and the active SKUs of products that are not archived. */
    @Transactional(readOnly = true)
    public CatalogFigures figures() {
        return new CatalogFigures(products.countByStatus(), products.countActiveSkusOfLiveProducts());
    }

    /** Whether stock figures are available (a module provides {@link StockLevels}; the inventory does). */
    public boolean hasStockLevels() {
        return finder.hasStockLevels();
    }

    /** Stock of the given SKUs, empty when no stock figures are available. */
    public Map<SkuId, SkuStock> stockOf(Collection<SkuId> skus) {
        return finder.stockOf(skus);
    }

    // --- shared steps -------------------------------------------------------------------------------------

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

    private void requireReferences(@Nullable CategoryId categoryId, @Nullable BrandId brandId) {
        if (categoryId != null && categories.find(categoryId).isEmpty()) {
            throw NotFoundException.reference("categoryId", "Category", categoryId);
        }
        if (brandId != null && brands.find(brandId).isEmpty()) {
            throw NotFoundException.reference("brandId", "Brand", brandId);
        }
    }

    private static void requireEditable(ProductView product) {
        if (!product.status().isEditable()) {
            throw new BusinessRuleException("product-archived",
                    "Product " + product.spuCode() + " is archived and can no longer be changed");
        }
    }

    private static void requireStillSellable(ProductView product) {
        if (product.status() == ProductStatus.ON_SHELF && !product.hasSellableSku()) {
            throw new BusinessRuleException("no-sellable-sku", "skus",
                    "a product on the shelf needs at least one active SKU with a sale price above zero");
        }
    }

    /** Claims the product for a change at the version the client read (see {@link ProductRepository#touch}). */
    private void claim(ProductView product, long expectedVersion) {
        if (!products.touch(product.id(), expectedVersion, actor(), now())) {
            throw stale("product");
        }
    }

    private static ConflictException stale(String what) {
        return new ConflictException("version",
                "is stale: the " + what + " was changed by someone else; reload it and try again");
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String actor() {
        return Actors.current().username();
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
