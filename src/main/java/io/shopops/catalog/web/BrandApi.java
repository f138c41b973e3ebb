package io.shopops.catalog.web;

import java.util.List;

import io.shopops.catalog.BrandChanges;
import io.shopops.catalog.BrandId;
import io.shopops.catalog.BrandView;
import io.shopops.catalog.Brands;
import io.shopops.catalog.NewBrand;
import io.shopops.shared.web.RequiresPermission;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Brands over REST. */
@RestController
@RequestMapping("/api/v1/admin/catalog/brands")
class BrandApi {

    private final Brands brands;

    BrandApi(Brands brands) {
        this.brands = brands;
    }

    record BrandRequest(@Nullable String code, @Nullable String name, @Nullable String nameEn,
            @Nullable String logoUrl, @Nullable String description) {
    }

    record BrandUpdateRequest(@Nullable String name, @Nullable String nameEn, @Nullable String logoUrl,
            @Nullable String description, @Nullable Long version) {
    }

    @GetMapping
    @RequiresPermission("catalog:read")
    List<BrandView> list() {
        return brands.all();
    }

    @GetMapping("/{id}")
    @RequiresPermission("catalog:read")
    BrandView get(@PathVariable long id) {
        return brands.brand(new BrandId(id));
    }

    @PostMapping
    @RequiresPermission("catalog:write")
    ResponseEntity<BrandView> create(@RequestBody BrandRequest request) {
        BrandView created = brands.create(new NewBrand(request.code(), request.name(), request.nameEn(),
                request.logoUrl(), request.description()));
        return ResponseEntity.created(ApiSupport.location(created.id().value())).body(created);
    }

    @PutMapping("/{id}")
    @RequiresPermission("catalog:write")
    BrandView update(@PathVariable long id, @RequestBody BrandUpdateRequest request) {
        return brands.update(new BrandId(id), new BrandChanges(request.name(), request.nameEn(),
                request.logoUrl(), request.description()), ApiSupport.version(request.version()));
    }

    @DeleteMapping("/{id}")
    @RequiresPermission("catalog:write")
    ResponseEntity<Void> delete(@PathVariable long id) {
        brands.delete(new BrandId(id));
        return ResponseEntity.noContent().build();
    }
}
