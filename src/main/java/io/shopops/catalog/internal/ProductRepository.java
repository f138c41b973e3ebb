package io.shopops.catalog.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.shopops.catalog.BrandId;
import io.shopops.catalog.CategoryId;
import io.shopops.catalog.NewProduct;
import io.shopops.catalog.NewSku;
import io.shopops.catalog.ProductChanges;
import io.shopops.catalog.ProductId;
import io.shopops.catalog.ProductStatus;
import io.shopops.catalog.ProductView;
import io.shopops.catalog.SkuId;
import io.shopops.catalog.SkuRef;
import io.shopops.catalog.SkuView;
import io.shopops.catalog.SpecAttribute;
import io.shopops.catalog.StatusChange;
import io.shopops.shared.Money;
import io.shopops.shared.persistence.SqlTime;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Products with their images, tags and SKUs. SKU ids never change once given: other modules hold them.
 * Every change to a product or its SKUs first moves the product's version on ({@link #touch}), so that
 * changes to one product are serialised by its row and a client's stale copy is detected.
 */
@Repository
public class ProductRepository {

    private static final int ID_BATCH = 500;

    private final JdbcClient jdbc;

    ProductRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a DRAFT product with its SKUs and the first entry of its status history. */
    public ProductId insert(NewProduct product, Currency currency, String actor, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO product (spu_code, title, title_en, subtitle, description, category_id, brand_id, status,
                                     status_changed_at, status_changed_by, created_at, created_by, updated_at,
                                     updated_by, version)
                VALUES (:spu, :title, :titleEn, :subtitle, :description, :category, :brand, 'DRAFT',
                        :now, :actor, :now, :actor, :now, :actor, 0)
                """)
                .param("spu", product.spuCode().trim()).param("title", product.title().trim())
                .param("titleEn", Texts.trimToNull(product.titleEn()))
                .param("subtitle", Texts.trimToNull(product.subtitle()))
                .param("description", Texts.trimToNull(product.description()))
                .param("category", product.categoryId().value())
                .param("brand", product.brandId() == null ? null : product.brandId().value())
                .param("now", SqlTime.utc(now)).param("actor", actor)
                .update(keys, "id");
        ProductId id = new ProductId(keys.getKeyAs(Number.class).longValue());
        replaceImages(id, product.imageUrls());
        replaceTags(id, product.tags());
        int position = 0;
        for (NewSku sku : product.skus()) {
            insertSku(id, sku, position++, currency, now);
        }
        recordStatusChange(id, null, ProductStatus.DRAFT, actor, now, "created");
        return id;
    }

    public SkuId insertSku(ProductId productId, NewSku sku, int position, Currency currency, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO sku (product_id, sku_code, position, currency, list_price, sale_price, cost_price, barcode,
                                 weight_grams, active, created_at, updated_at)
                VALUES (:product, :code, :position, :currency, :list, :sale, :cost, :barcode, :weight, TRUE, :now, :now)
                """)
                .param("product", productId.value()).param("code", sku.skuCode().trim()).param("position", position)
                .param("currency", currency.getCurrencyCode())
                .param("list", sku.listPrice()).param("sale", sku.salePrice()).param("cost", sku.costPrice())
                .param("barcode", Texts.trimToNull(sku.barcode())).param("weight", sku.weightGrams())
                .param("now", SqlTime.utc(now))
                .update(keys, "id");
        SkuId id = new SkuId(keys.getKeyAs(Number.class).longValue());
        replaceAttributes(id, sku.attributes());
        return id;
    }

    /** The position after the product's last SKU, for a SKU added later. */
    public int nextSkuPosition(ProductId id) {
        return jdbc.sql("SELECT COALESCE(MAX(position), -1) + 1 FROM sku WHERE product_id = :id")
                .param("id", id.value()).query(Integer.class).single();
    }

    /**
     * Claims the product for a change: moves its version on if it still has the version the client read and
     * is not archived. False when either is no longer so (the caller tells which from what it loaded).
     */
    public boolean touch(ProductId id, long expectedVersion, String actor, Instant now) {
        return jdbc.sql("""
                UPDATE product SET updated_at = :now, updated_by = :actor, version = version + 1
                WHERE id = :id AND version = :version AND status <> 'ARCHIVED'
                """)
                .param("now", SqlTime.utc(now)).param("actor", actor)
                .param("id", id.value()).param("version", expectedVersion)
                .update() == 1;
    }

    /** Writes a product's own fields, images and tags; call {@link #touch} first. */
    public void updateDetails(ProductId id, ProductChanges changes) {
        jdbc.sql("""
                UPDATE product SET title = :title, title_en = :titleEn, subtitle = :subtitle,
                                   description = :description, category_id = :category, brand_id = :brand
                WHERE id = :id
                """)
                .param("title", changes.title().trim()).param("titleEn", Texts.trimToNull(changes.titleEn()))
                .param("subtitle", Texts.trimToNull(changes.subtitle()))
                .param("description", Texts.trimToNull(changes.description()))
                .param("category", changes.categoryId().value())
                .param("brand", changes.brandId() == null ? null : changes.brandId().value())
                .param("id", id.value())
                .update();
        replaceImages(id, changes.imageUrls());
        replaceTags(id, changes.tags());
    }

    /** Writes a SKU's code, prices, barcode, weight and spec; its id, product and active flag stay. */
    public void updateSku(SkuId id, NewSku sku, Instant now) {
        jdbc.sql("""
                UPDATE sku SET sku_code = :code, list_price = :list, sale_price = :sale, cost_price = :cost,
                               barcode = :barcode, weight_grams = :weight, updated_at = :now
                WHERE id = :id
                """)
                .param("code", sku.skuCode().trim()).param("list", sku.listPrice()).param("sale", sku.salePrice())
                .param("cost", sku.costPrice()).param("barcode", Texts.trimToNull(sku.barcode()))
                .param("weight", sku.weightGrams()).param("now", SqlTime.utc(now)).param("id", id.value())
                .update();
        replaceAttributes(id, sku.attributes());
    }

    /** Activates or deactivates a SKU; false when it already was so. */
    public boolean setSkuActive(SkuId id, boolean active, Instant now) {
        return jdbc.sql("UPDATE sku SET active = :active, updated_at = :now WHERE id = :id AND active <> :active")
                .param("active", active).param("now", SqlTime.utc(now)).param("id", id.value())
                .update() == 1;
    }

    /**
     * Moves a product from one status to another if it is still in {@code from} with the version read, and
     * records who did it and when; false when either changed meanwhile.
     */
    public boolean changeStatus(ProductId id, ProductStatus from, ProductStatus to, long expectedVersion,
            String actor, Instant now, @Nullable String reason) {
        int updated = jdbc.sql("""
                UPDATE product SET status = :to, status_changed_at = :now, status_changed_by = :actor,
                                   updated_at = :now, updated_by = :actor, version = version + 1
                WHERE id = :id AND version = :version AND status = :from
                """)
                .param("to", to.name()).param("now", SqlTime.utc(now)).param("actor", actor)
                .param("id", id.value()).param("version", expectedVersion).param("from", from.name())
                .update();
        if (updated == 1) {
            recordStatusChange(id, from, to, actor, now, reason);
        }
        return updated == 1;
    }

    public void replaceImages(ProductId id, List<String> urls) {
        jdbc.sql("DELETE FROM product_image WHERE product_id = :id").param("id", id.value()).update();
        int position = 0;
        for (String url : urls) {
            jdbc.sql("INSERT INTO product_image (product_id, position, url) VALUES (:id, :position, :url)")
                    .param("id", id.value()).param("position", position++).param("url", url.trim()).update();
        }
    }

    public void replaceTags(ProductId id, Collection<String> tags) {
        jdbc.sql("DELETE FROM product_tag WHERE product_id = :id").param("id", id.value()).update();
        for (String tag : tags.stream().map(String::trim).distinct().toList()) {
            jdbc.sql("INSERT INTO product_tag (product_id, tag) VALUES (:id, :tag)")
                    .param("id", id.value()).param("tag", tag).update();
        }
    }

    public void replaceAttributes(SkuId id, List<SpecAttribute> attributes) {
        jdbc.sql("DELETE FROM sku_attribute WHERE sku_id = :id").param("id", id.value()).update();
        int position = 0;
        for (SpecAttribute attribute : attributes) {
            jdbc.sql("INSERT INTO sku_attribute (sku_id, position, name, attr_value) VALUES (:id, :position, :name, :value)")
                    .param("id", id.value()).param("position", position++)
                    .param("name", attribute.name().trim()).param("value", attribute.value().trim()).update();
        }
    }

    public void recordStatusChange(ProductId id, @Nullable ProductStatus from, ProductStatus to, String actor,
            Instant at, @Nullable String reason) {
        jdbc.sql("""
                INSERT INTO product_status_change (product_id, from_status, to_status, changed_at, changed_by, reason)
                VALUES (:id, :from, :to, :at, :actor, :reason)
                """)
                .param("id", id.value()).param("from", from == null ? null : from.name()).param("to", to.name())
                .param("at", SqlTime.utc(at)).param("actor", actor).param("reason", Texts.trimToNull(reason))
                .update();
    }

    /** The product's moves between statuses, newest first. */
    public List<StatusChange> statusHistory(ProductId id) {
        return jdbc.sql("""
                SELECT from_status, to_status, changed_at, changed_by, reason FROM product_status_change
                WHERE product_id = :id ORDER BY changed_at DESC, id DESC
                """)
                .param("id", id.value())
                .query((rs, row) -> new StatusChange(
                        rs.getString("from_status") == null ? null : ProductStatus.valueOf(rs.getString("from_status")),
                        ProductStatus.valueOf(rs.getString("to_status")), SqlTime.requiredInstant(rs, "changed_at"),
                        rs.getString("changed_by"), rs.getString("reason")))
                .list();
    }

    public boolean spuCodeExists(String spuCode) {
        return jdbc.sql("SELECT COUNT(*) FROM product WHERE spu_code = :code").param("code", spuCode.trim())
                .query(Long.class).single() > 0;
    }

    /** Which of the given SKU codes are already taken, by any product. */
    public Set<String> existingSkuCodes(Collection<String> codes) {
        return skuOwners(codes).keySet();
    }

    /** Where the given SKU codes are in use: the SKU and the product (by id and SPU code) holding each. */
    public Map<String, SkuOwner> skuOwners(Collection<String> codes) {
        Map<String, SkuOwner> owners = new HashMap<>();
        for (List<String> batch : batches(codes.stream().map(String::trim).distinct().toList())) {
            jdbc.sql("""
                    SELECT s.sku_code, s.id, s.product_id, p.spu_code FROM sku s JOIN product p ON p.id = s.product_id
                    WHERE s.sku_code IN (:codes)
                    """)
                    .param("codes", batch)
                    .query(rs -> {
                        owners.put(rs.getString("sku_code"), new SkuOwner(new SkuId(rs.getLong("id")),
                                new ProductId(rs.getLong("product_id")), rs.getString("spu_code")));
                    });
        }
        return owners;
    }

    public record SkuOwner(SkuId skuId, ProductId productId, String spuCode) {
    }

    /** The ids of the products with the given SPU codes; unknown codes are missing from the map. */
    public Map<String, ProductId> idsBySpuCode(Collection<String> spuCodes) {
        Map<String, ProductId> ids = new HashMap<>();
        for (List<String> batch : batches(spuCodes.stream().map(String::trim).distinct().toList())) {
            jdbc.sql("SELECT id, spu_code FROM product WHERE spu_code IN (:codes)")
                    .param("codes", batch)
                    .query(rs -> {
                        ids.put(rs.getString("spu_code"), new ProductId(rs.getLong("id")));
                    });
        }
        return ids;
    }

    public Optional<ProductView> find(ProductId id) {
        return Optional.ofNullable(findAll(List.of(id)).get(id));
    }

    /**
     * Loads many products at once, a handful of statements per batch of ids rather than several per product;
     * the map iterates in the order of the given ids, and unknown ids are missing.
     */
    public Map<ProductId, ProductView> findAll(Collection<ProductId> ids) {
        Map<ProductId, ProductView> loaded = new HashMap<>();
        for (List<Long> batch : batches(ids.stream().map(ProductId::value).distinct().toList())) {
            List<ProductRow> rows = jdbc.sql("SELECT * FROM product WHERE id IN (:ids)").param("ids", batch)
                    .query(ProductRepository::productRow).list();
            Map<Long, List<String>> images = new HashMap<>();
            jdbc.sql("SELECT product_id, url FROM product_image WHERE product_id IN (:ids) ORDER BY product_id, position")
                    .param("ids", batch)
                    .query(rs -> {
                        images.computeIfAbsent(rs.getLong("product_id"), k -> new ArrayList<>()).add(rs.getString("url"));
                    });
            Map<Long, List<String>> tags = new HashMap<>();
            jdbc.sql("SELECT product_id, tag FROM product_tag WHERE product_id IN (:ids)")
                    .param("ids", batch)
                    .query(rs -> {
                        tags.computeIfAbsent(rs.getLong("product_id"), k -> new ArrayList<>()).add(rs.getString("tag"));
                    });
            Map<Long, List<SkuView>> skus = new HashMap<>();
            jdbc.sql("SELECT * FROM sku WHERE product_id IN (:ids) ORDER BY product_id, position, id")
                    .param("ids", batch)
                    .query(rs -> {
                        skus.computeIfAbsent(rs.getLong("product_id"), k -> new ArrayList<>()).add(skuView(rs, 0));
                    });
            Map<SkuId, List<SpecAttribute>> attributes = attributes(
                    skus.values().stream().flatMap(List::stream).map(SkuView::id).toList());
            for (ProductRow row : rows) {
                List<SkuView> withAttributes = skus.getOrDefault(row.id(), List.of()).stream()
                        .map(s -> new SkuView(s.id(), s.skuCode(), attributes.getOrDefault(s.id(), List.of()),
                                s.listPrice(), s.salePrice(), s.costPrice(), s.barcode(), s.weightGrams(), s.active(),
                                s.createdAt(), s.updatedAt()))
                        .toList();
                loaded.put(new ProductId(row.id()), new ProductView(new ProductId(row.id()), row.spuCode(),
                        row.title(), row.titleEn(), row.subtitle(), row.description(), new CategoryId(row.categoryId()),
                        row.brandId() == null ? null : new BrandId(row.brandId()), row.status(),
                        row.statusChangedAt(), row.statusChangedBy(), images.getOrDefault(row.id(), List.of()),
                        tags.getOrDefault(row.id(), List.of()), withAttributes, row.createdAt(), row.createdBy(),
                        row.updatedAt(), row.updatedBy(), row.version()));
            }
        }
        Map<ProductId, ProductView> ordered = new LinkedHashMap<>();
        for (ProductId id : ids) {
            ProductView view = loaded.get(id);
            if (view != null) {
                ordered.put(id, view);
            }
        }
        return ordered;
    }

    public Map<SkuId, SkuRef> skuRefs(Collection<SkuId> ids) {
        Map<SkuId, SkuRef> refs = new LinkedHashMap<>();
        for (List<Long> batch : batches(ids.stream().map(SkuId::value).distinct().toList())) {
            List<SkuRef> rows = jdbc.sql("""
                    SELECT s.id, s.sku_code, s.product_id, s.currency, s.sale_price, s.cost_price, s.active,
                           p.spu_code, p.title, p.status, p.category_id, p.brand_id
                    FROM sku s JOIN product p ON p.id = s.product_id
                    WHERE s.id IN (:ids)
                    """).param("ids", batch).query(ProductRepository::skuRef).list();
            Map<SkuId, List<SpecAttribute>> attributes = attributes(rows.stream().map(SkuRef::id).toList());
            for (SkuRef ref : rows) {
                refs.put(ref.id(), new SkuRef(ref.id(), ref.skuCode(), ref.productId(), ref.categoryId(), ref.brandId(), ref.spuCode(),
                        ref.productTitle(), attributes.getOrDefault(ref.id(), List.of()), ref.salePrice(),
                        ref.costPrice(), ref.productStatus(), ref.active()));
            }
        }
        return refs;
    }

    public Optional<SkuId> skuIdByCode(String code) {
        return jdbc.sql("SELECT id FROM sku WHERE sku_code = :code").param("code", code.trim())
                .query(Long.class).optional().map(SkuId::new);
    }

    public Map<ProductStatus, Long> countByStatus() {
        Map<ProductStatus, Long> counts = new EnumMap<>(ProductStatus.class);
        jdbc.sql("SELECT status, COUNT(*) AS n FROM product GROUP BY status")
                .query(rs -> {
                    counts.put(ProductStatus.valueOf(rs.getString("status")), rs.getLong("n"));
                });
        return counts;
    }

    /** Active SKUs of products that are not archived: what is for sale or being prepared. */
    public long countActiveSkusOfLiveProducts() {
        return jdbc.sql("""
                SELECT COUNT(*) FROM sku s JOIN product p ON p.id = s.product_id
                WHERE s.active AND p.status <> 'ARCHIVED'
                """).query(Long.class).single();
    }

    private Map<SkuId, List<SpecAttribute>> attributes(List<SkuId> skuIds) {
        Map<SkuId, List<SpecAttribute>> result = new HashMap<>();
        for (List<Long> batch : batches(skuIds.stream().map(SkuId::value).toList())) {
            jdbc.sql("SELECT sku_id, name, attr_value FROM sku_attribute WHERE sku_id IN (:ids) ORDER BY sku_id, position")
                    .param("ids", batch)
                    .query(rs -> {
                        result.computeIfAbsent(new SkuId(rs.getLong("sku_id")), k -> new ArrayList<>())
                                .add(new SpecAttribute(rs.getString("name"), rs.getString("attr_value")));
                    });
        }
        return result;
    }

    /** IN-lists are cut into batches: databases cap the number of bind parameters in one statement. */
    static <T> List<List<T>> batches(List<T> values) {
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < values.size(); from += ID_BATCH) {
            batches.add(values.subList(from, Math.min(values.size(), from + ID_BATCH)));
        }
        return batches;
    }

    record ProductRow(long id, String spuCode, String title, String titleEn, String subtitle, String description,
            long categoryId, Long brandId, ProductStatus status, Instant statusChangedAt, String statusChangedBy,
            Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, long version) {
    }

    static ProductRow productRow(ResultSet rs, int row) throws SQLException {
        return new ProductRow(rs.getLong("id"), rs.getString("spu_code"), rs.getString("title"),
                rs.getString("title_en"), rs.getString("subtitle"), rs.getString("description"),
                rs.getLong("category_id"), rs.getObject("brand_id", Long.class),
                ProductStatus.valueOf(rs.getString("status")), SqlTime.requiredInstant(rs, "status_changed_at"),
                rs.getString("status_changed_by"), SqlTime.requiredInstant(rs, "created_at"),
                rs.getString("created_by"), SqlTime.requiredInstant(rs, "updated_at"), rs.getString("updated_by"),
                rs.getLong("version"));
    }

    static SkuView skuView(ResultSet rs, int row) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency").trim());
        return new SkuView(new SkuId(rs.getLong("id")), rs.getString("sku_code"), List.of(),
                money(rs.getBigDecimal("list_price"), currency), money(rs.getBigDecimal("sale_price"), currency),
                money(rs.getBigDecimal("cost_price"), currency), rs.getString("barcode"),
                rs.getObject("weight_grams", Integer.class), rs.getBoolean("active"),
                SqlTime.requiredInstant(rs, "created_at"), SqlTime.requiredInstant(rs, "updated_at"));
    }

    static SkuRef skuRef(ResultSet rs, int row) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency").trim());
        Long brand = rs.getObject("brand_id", Long.class);
        return new SkuRef(new SkuId(rs.getLong("id")), rs.getString("sku_code"), new ProductId(rs.getLong("product_id")),
                new CategoryId(rs.getLong("category_id")), brand == null ? null : new BrandId(brand),
                rs.getString("spu_code"), rs.getString("title"), List.of(), money(rs.getBigDecimal("sale_price"), currency),
                money(rs.getBigDecimal("cost_price"), currency), ProductStatus.valueOf(rs.getString("status")),
                rs.getBoolean("active"));
    }

    private static Money money(BigDecimal amount, Currency currency) {
        return Money.of(amount, currency);
    }
}
