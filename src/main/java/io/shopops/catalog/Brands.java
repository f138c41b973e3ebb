package io.shopops.catalog;

import java.util.List;
import java.util.Optional;

import io.shopops.audit.AuditLog;
import io.shopops.catalog.internal.BrandRepository;
import io.shopops.shared.ConflictException;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.Violations;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static io.shopops.catalog.CatalogSupport.stale;

/** The catalog's brands: creating, changing and deleting them, and reading them. Every change is audited. */
@Service
public class Brands {

    private final BrandRepository brands;
    private final AuditLog audit;
    private final CatalogSupport support;

    Brands(BrandRepository brands, AuditLog audit, CatalogSupport support) {
        this.brands = brands;
        this.audit = audit;
        this.support = support;
    }

    @Transactional
    public BrandView create(NewBrand brand) {
        Violations v = new Violations();
        v.code("code", brand.code());
        check(v, brand.name(), brand.nameEn(), brand.logoUrl(), brand.description());
        v.throwIfAny();
        if (brands.existsByCode(brand.code().trim())) {
            throw new ConflictException("code", "is already used by another brand");
        }
        BrandId id = brands.insert(brand, support.now());
        BrandView created = brand(id);
        audit.record("BRAND_CREATED", "brand", id, created.code(), null, created);
        return created;
    }

    @Transactional
    public BrandView update(BrandId id, BrandChanges changes, long expectedVersion) {
        Violations v = new Violations();
        check(v, changes.name(), changes.nameEn(), changes.logoUrl(), changes.description());
        v.throwIfAny();
        BrandView before = brand(id);
        if (!brands.update(id, changes, expectedVersion, support.now())) {
            throw stale("brand");
        }
        BrandView after = brand(id);
        audit.record("BRAND_UPDATED", "brand", id, after.code(), before, after);
        return after;
    }

    /** Deletes a brand no product uses. */
    @Transactional
    public void delete(BrandId id) {
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
    public Optional<BrandView> byCode(String code) {
        return brands.findByCode(code);
    }

    @Transactional(readOnly = true)
    public List<BrandView> all() {
        return brands.all();
    }

    private static void check(Violations v, @Nullable String name, @Nullable String nameEn,
            @Nullable String logoUrl, @Nullable String description) {
        v.text("name", name, true, 100);
        v.text("nameEn", nameEn, false, 100);
        v.url("logoUrl", logoUrl, false);
        v.multilineText("description", description, false, 2000);
    }
}
