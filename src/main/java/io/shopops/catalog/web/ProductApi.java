package io.shopops.catalog.web;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;

import io.shopops.catalog.BrandId;
import io.shopops.catalog.BulkStatusResult;
import io.shopops.catalog.Catalog;
import io.shopops.catalog.CategoryId;
import io.shopops.catalog.ImportSummary;
import io.shopops.catalog.NewProduct;
import io.shopops.catalog.NewSku;
import io.shopops.catalog.ProductChanges;
import io.shopops.catalog.ProductId;
import io.shopops.catalog.ProductSearch;
import io.shopops.catalog.ProductStatus;
import io.shopops.catalog.ProductSummary;
import io.shopops.catalog.ProductView;
import io.shopops.catalog.SkuId;
import io.shopops.catalog.SkuView;
import io.shopops.catalog.SpecAttribute;
import io.shopops.catalog.StatusChange;
import io.shopops.shared.InvalidInputException;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.ShopProperties;
import io.shopops.shared.web.RequiresPermission;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Products (SPU) and their SKUs over REST: search, changes, lifecycle (上架/下架), CSV import and export. */
@RestController
@RequestMapping("/api/v1/admin/catalog/products")
class ProductApi {

    private final Catalog catalog;
    private final ProductSearch search;
    private final ShopProperties shop;
    private final Clock clock;

    ProductApi(Catalog catalog, ProductSearch search, ShopProperties shop, Clock clock) {
        this.catalog = catalog;
        this.search = search;
        this.shop = shop;
        this.clock = clock;
    }

    record SkuRequest(@Nullable String skuCode, @Nullable List<SpecAttribute> attributes,
            @Nullable BigDecimal listPrice, @Nullable BigDecimal salePrice, @Nullable BigDecimal costPrice,
            @Nullable String barcode, @Nullable Integer weightGrams) {

        NewSku toSku() {
            return new NewSku(skuCode, attributes == null ? List.of() : attributes, listPrice, salePrice, costPrice,
                    barcode, weightGrams);
        }
    }

    record ProductRequest(@Nullable String spuCode, @Nullable String title, @Nullable String titleEn,
            @Nullable String subtitle, @Nullable String description, @Nullable Long categoryId,
            @Nullable Long brandId, @Nullable List<String> imageUrls, @Nullable List<String> tags,
            @Nullable List<SkuRequest> skus) {
    }

    /** New details of a product; the SKUs listed are created or updated by code, the others left alone. */
    record ProductUpdateRequest(@Nullable String title, @Nullable String titleEn, @Nullable String subtitle,
            @Nullable String description, @Nullable Long categoryId, @Nullable Long brandId,
            @Nullable List<String> imageUrls, @Nullable List<String> tags, @Nullable List<SkuRequest> skus,
            @Nullable Long version) {
    }

    /** A SKU to add or change, with the version of its product the client read. */
    record SkuChangeRequest(@Nullable String skuCode, @Nullable List<SpecAttribute> attributes,
            @Nullable BigDecimal listPrice, @Nullable BigDecimal salePrice, @Nullable BigDecimal costPrice,
            @Nullable String barcode, @Nullable Integer weightGrams, @Nullable Long version) {

        NewSku toSku() {
            return new SkuRequest(skuCode, attributes, listPrice, salePrice, costPrice, barcode, weightGrams).toSku();
        }
    }

    record StatusRequest(@Nullable ProductStatus status, @Nullable String reason, @Nullable Long version) {
    }

    record BulkStatusRequest(@Nullable List<Long> productIds, @Nullable ProductStatus status,
            @Nullable String reason) {
    }

    record VersionRequest(@Nullable Long version) {
    }

    @GetMapping
    @RequiresPermission("catalog:read")
    Page<ProductSummary> search(@ModelAttribute ProductFilterParams filter,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return search.find(filter.toQuery(), new PageQuery(page, size));
    }

    @GetMapping("/{id}")
    @RequiresPermission("catalog:read")
    ProductView get(@PathVariable long id) {
        return catalog.product(new ProductId(id));
    }

    @PostMapping
    @RequiresPermission("catalog:write")
    ResponseEntity<ProductView> create(@RequestBody ProductRequest request) {
        ProductView created = catalog.createProduct(new NewProduct(request.spuCode(), request.title(),
                request.titleEn(), request.subtitle(), request.description(), categoryId(request.categoryId()),
                brandId(request.brandId()), orEmpty(request.imageUrls()), new LinkedHashSet<>(orEmpty(request.tags())),
                skus(request.skus())));
        return ResponseEntity.created(ApiSupport.location(created.id().value())).body(created);
    }

    @PutMapping("/{id}")
    @RequiresPermission("catalog:write")
    ProductView update(@PathVariable long id, @RequestBody ProductUpdateRequest request) {
        return catalog.updateProduct(new ProductId(id), new ProductChanges(request.title(), request.titleEn(),
                request.subtitle(), request.description(), categoryId(request.categoryId()), brandId(request.brandId()),
                orEmpty(request.imageUrls()), new LinkedHashSet<>(orEmpty(request.tags())), skus(request.skus())),
                ApiSupport.version(request.version()));
    }

    /** Moves the product in its lifecycle: 上架 ON_SHELF, 下架 OFF_SHELF, ARCHIVED. */
    @PostMapping("/{id}/status")
    @RequiresPermission("catalog:publish")
    ProductView changeStatus(@PathVariable long id, @RequestBody StatusRequest request) {
        return catalog.changeStatus(new ProductId(id), status(request.status()), request.reason(),
                ApiSupport.version(request.version()));
    }

    /** Moves several products to one status, all or none (422 naming each product that cannot move). */
    @PostMapping("/bulk-status")
    @RequiresPermission("catalog:publish")
    BulkStatusResult changeStatuses(@RequestBody BulkStatusRequest request) {
        List<ProductId> ids = request.productIds() == null ? List.of()
                : request.productIds().stream().map(id -> id == null ? null : new ProductId(id)).toList();
        return catalog.changeStatuses(ids, status(request.status()), request.reason());
    }

    @GetMapping("/{id}/history")
    @RequiresPermission("catalog:read")
    List<StatusChange> history(@PathVariable long id) {
        return catalog.statusHistory(new ProductId(id));
    }

    @PostMapping("/{id}/skus")
    @RequiresPermission("catalog:write")
    ResponseEntity<ProductView> addSku(@PathVariable long id, @RequestBody SkuChangeRequest request) {
        NewSku sku = request.toSku();
        ProductView product = catalog.addSku(new ProductId(id), sku, ApiSupport.version(request.version()));
        SkuView added = product.skus().stream().filter(s -> s.skuCode().equals(sku.skuCode().trim())).findFirst()
                .orElseThrow();
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{skuId}")
                .buildAndExpand(added.id().value()).toUri();
        return ResponseEntity.created(location).body(product);
    }

    @GetMapping("/{id}/skus/{skuId}")
    @RequiresPermission("catalog:read")
    SkuView getSku(@PathVariable long id, @PathVariable long skuId) {
        return catalog.product(new ProductId(id)).sku(new SkuId(skuId))
                .orElseThrow(() -> NotFoundException.of("SKU", skuId));
    }

    @PutMapping("/{id}/skus/{skuId}")
    @RequiresPermission("catalog:write")
    ProductView updateSku(@PathVariable long id, @PathVariable long skuId, @RequestBody SkuChangeRequest request) {
        return catalog.updateSku(new ProductId(id), new SkuId(skuId), request.toSku(),
                ApiSupport.version(request.version()));
    }

    @PostMapping("/{id}/skus/{skuId}/activate")
    @RequiresPermission("catalog:write")
    ProductView activateSku(@PathVariable long id, @PathVariable long skuId, @RequestBody VersionRequest request) {
        return catalog.activateSku(new ProductId(id), new SkuId(skuId), ApiSupport.version(request.version()));
    }

    @PostMapping("/{id}/skus/{skuId}/deactivate")
    @RequiresPermission("catalog:write")
    ProductView deactivateSku(@PathVariable long id, @PathVariable long skuId, @RequestBody VersionRequest request) {
        return catalog.deactivateSku(new ProductId(id), new SkuId(skuId), ApiSupport.version(request.version()));
    }

    /**
     * Imports products from a CSV file ({@code file}), all or nothing; with {@code dryRun=true} only checks it.
     * Problems come back as 400 with {@code errors} naming each row and column.
     */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @RequiresPermission("catalog:write")
    ImportSummary importProducts(@RequestPart("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
        if (file.isEmpty()) {
            throw new InvalidInputException("file", "is empty");
        }
        try (InputStream csv = file.getInputStream()) {
            return catalog.importProducts(csv, dryRun);
        }
    }

    /** The products the filters find as CSV in the import's columns, streamed. */
    @GetMapping("/export")
    @RequiresPermission("catalog:read")
    void export(@ModelAttribute ProductFilterParams filter, HttpServletResponse response) throws IOException {
        search.export(filter.toQuery(), () -> {
            CsvDownload.prepare(response, "products-" + LocalDate.now(clock.withZone(shop.zone())) + ".csv");
            return response.getOutputStream();
        });
    }

    private static ProductStatus status(@Nullable ProductStatus status) {
        if (status == null) {
            throw new InvalidInputException("status", "is required");
        }
        return status;
    }

    private static @Nullable CategoryId categoryId(@Nullable Long id) {
        return id == null ? null : new CategoryId(id);
    }

    private static @Nullable BrandId brandId(@Nullable Long id) {
        return id == null ? null : new BrandId(id);
    }

    private static <T> List<T> orEmpty(@Nullable List<T> values) {
        return values == null ? List.of() : values;
    }

    private static List<NewSku> skus(@Nullable List<SkuRequest> skus) {
        return skus == null ? List.of() : skus.stream().map(sku -> sku == null ? null : sku.toSku()).toList();
    }
}
