package io.shopops.catalog;

import java.io.InputStream;
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
import io.shopops.shared.ShopProperties;
import io.shopops.shared.Violations;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static io.shopops.catalog.CatalogSupport.stale;

/**
 * The catalog's products: creating and changing products and their SKUs, their lifecycle, the CSV import, the
 * SKU lookups other modules use and the home page's figures. Each use case validates its input in full, writes
 * in one transaction and records the change in the audit log. The REST API, the console, the CSV import and
 * the demo generator all come through here; categories, brands and finding products have their own facades
 * ({@link Categories}, {@link Brands}, {@link ProductSearch}).
 *
 * <p>A product and its SKUs change together: every change claims the product's version (the one the client
 * read), so a stale copy is refused with 409 and concurrent changes to one product run one after another.
 */
@Service
public class Catalog {

    /** A bulk status change names at most this many products. */
    public static final int MAX_BULK_PRODUCTS = 500;

    private final CategoryRepository categories;
    private final BrandRepository brands;
    private final ProductRepository products;
    private final SkuUpserts skuUpserts;
    private final ProductImport importer;
    private final AuditLog audit;
    private final ShopProperties shop;
    private final CatalogSupport support;

    Catalog(CategoryRepository categories, BrandRepository brands, ProductRepository products,
            SkuUpserts skuUpserts, ProductImport importer, AuditLog audit, ShopProperties shop,
            CatalogSupport support) {
        this.categories = categories;
        this.brands = brands;
        this.products = products;
        this.skuUpserts = skuUpserts;
        this.importer = importer;
        this.audit = audit;
        this.shop = shop;
        this.support = support;
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
        ProductId id = products.insert(product, shop.currency(), actor(), support.now());
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
        skuUpserts.apply(id, upserts, shop.currency(), support.now());
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
        products.insertSku(id, sku, products.nextSkuPosition(id), shop.currency(), support.now());
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
        products.updateSku(skuId, sku, support.now());
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
        products.setSkuActive(skuId, active, support.now());
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
        if (!products.changeStatus(product.id(), product.status(), target, expectedVersion, actor(), support.now(),
                reason)) {
            throw stale("product");
        }
    }

    // --- import ---------------------------------------------------------------------------------------

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
                ProductId id = products.insert(planned.product(), shop.currency(), actor(), support.now());
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
                skuUpserts.apply(before.id(), skuUpserts.plan(before, planned.changes().skus()), shop.currency(),
                        support.now());
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

    // --- shared steps -------------------------------------------------------------------------------------

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
        if (!products.touch(product.id(), expectedVersion, actor(), support.now())) {
            throw stale("product");
        }
    }

    private static String actor() {
        return Actors.current().username();
    }
}
