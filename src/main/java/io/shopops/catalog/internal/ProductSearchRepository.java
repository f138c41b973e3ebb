package io.shopops.catalog.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.shopops.catalog.BrandId;
import io.shopops.catalog.CategoryId;
import io.shopops.catalog.ProductId;
import io.shopops.catalog.ProductStatus;
import io.shopops.catalog.ProductSummary;
import io.shopops.catalog.SkuId;
import io.shopops.shared.Money;
import io.shopops.shared.PageQuery;
import io.shopops.shared.persistence.Like;
import io.shopops.shared.persistence.SqlTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Finds products by a {@link ProductFilter}: a page of ids with the total, every id in order (for exports),
 * or the active SKUs of every matching product in order, which the facade matches against the inventory's
 * stock figures without sending those (possibly a hundred thousand SKU ids) to the database.
 */
@Repository
public class ProductSearchRepository {

    /** The lowest sale price of a product's active SKUs, the "price" a search sorts by. */
    private static final String MIN_PRICE =
            "(SELECT MIN(ms.sale_price) FROM sku ms WHERE ms.product_id = p.id AND ms.active)";

    private final JdbcClient jdbc;

    ProductSearchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long count(ProductFilter filter) {
        Where where = where(filter);
        return jdbc.sql("SELECT COUNT(*) FROM product p" + where.sql()).params(where.params())
                .query(Long.class).single();
    }

    public List<ProductId> pageIds(ProductFilter filter, PageQuery page) {
        Where where = where(filter);
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("limit", page.size());
        params.put("offset", page.offset());
        return jdbc.sql("SELECT p.id FROM product p" + where.sql() + orderBy(filter)
                        + " LIMIT :limit OFFSET :offset")
                .params(params).query(Long.class).list().stream().map(ProductId::new).toList();
    }

    /** Every matching product's id in the search's order. */
    public List<ProductId> allIds(ProductFilter filter) {
        Where where = where(filter);
        return jdbc.sql("SELECT p.id FROM product p" + where.sql() + orderBy(filter)).params(where.params())
                .query(Long.class).list().stream().map(ProductId::new).toList();
    }

    /** Receives the active SKUs of the matching products, the SKUs of one product one after another. */
    @FunctionalInterface
    public interface ActiveSkuHandler {
        void accept(ProductId product, SkuId sku);
    }

    /**
     * Streams (product, active SKU) pairs of every matching product in the search's order; products without
     * an active SKU do not appear.
     */
    public void activeSkus(ProductFilter filter, ActiveSkuHandler handler) {
        Where where = where(filter);
        jdbc.sql("SELECT p.id AS product_id, a.id AS sku_id FROM product p JOIN sku a ON a.product_id = p.id AND a.active"
                        + where.sql() + orderBy(filter))
                .params(where.params())
                .query(rs -> {
                    handler.accept(new ProductId(rs.getLong("product_id")), new SkuId(rs.getLong("sku_id")));
                });
    }

    /** The summaries of the given products, in the order of the ids (without stock figures). */
    public List<ProductSummary> summaries(List<ProductId> ids, Currency currency) {
        Map<ProductId, ProductSummary> found = new HashMap<>();
        for (List<Long> batch : ProductRepository.batches(ids.stream().map(ProductId::value).toList())) {
            jdbc.sql("""
                    SELECT p.id, p.spu_code, p.title, p.title_en, p.category_id, p.brand_id, p.status, p.updated_at,
                           p.version, c.name AS category_name, c.name_en AS category_name_en,
                           b.name AS brand_name, b.name_en AS brand_name_en,
                           (SELECT MIN(s.sale_price) FROM sku s WHERE s.product_id = p.id AND s.active) AS min_price,
                           (SELECT MAX(s.sale_price) FROM sku s WHERE s.product_id = p.id AND s.active) AS max_price,
                           (SELECT COUNT(*) FROM sku s WHERE s.product_id = p.id) AS sku_count,
                           (SELECT COUNT(*) FROM sku s WHERE s.product_id = p.id AND s.active) AS active_sku_count,
                           (SELECT i.url FROM product_image i WHERE i.product_id = p.id
                              AND i.position = (SELECT MIN(j.position) FROM product_image j WHERE j.product_id = p.id))
                              AS image_url
                    FROM product p
                    JOIN category c ON c.id = p.category_id
                    LEFT JOIN brand b ON b.id = p.brand_id
                    WHERE p.id IN (:ids)
                    """)
                    .param("ids", batch)
                    .query(rs -> {
                        ProductId id = new ProductId(rs.getLong("id"));
                        Long brand = rs.getObject("brand_id", Long.class);
                        found.put(id, new ProductSummary(id, rs.getString("spu_code"), rs.getString("title"),
                                rs.getString("title_en"), new CategoryId(rs.getLong("category_id")),
                                rs.getString("category_name"), rs.getString("category_name_en"),
                                brand == null ? null : new BrandId(brand), rs.getString("brand_name"),
                                rs.getString("brand_name_en"), ProductStatus.valueOf(rs.getString("status")),
                                rs.getBigDecimal("min_price") == null ? null : Money.of(rs.getBigDecimal("min_price"), currency),
                                rs.getBigDecimal("max_price") == null ? null : Money.of(rs.getBigDecimal("max_price"), currency),
                                rs.getInt("sku_count"), rs.getInt("active_sku_count"), rs.getString("image_url"),
                                null, null, SqlTime.requiredInstant(rs, "updated_at"), rs.getLong("version")));
                    });
        }
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    /** The active SKUs of each given product. */
    public Map<ProductId, List<SkuId>> activeSkuIds(Collection<ProductId> ids) {
        Map<ProductId, List<SkuId>> skus = new LinkedHashMap<>();
        for (List<Long> batch : ProductRepository.batches(ids.stream().map(ProductId::value).distinct().toList())) {
            jdbc.sql("SELECT product_id, id FROM sku WHERE product_id IN (:ids) AND active ORDER BY product_id, position")
                    .param("ids", batch)
                    .query(rs -> {
                        skus.computeIfAbsent(new ProductId(rs.getLong("product_id")), k -> new ArrayList<>())
                                .add(new SkuId(rs.getLong("id")));
                    });
        }
        return skus;
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(ProductFilter filter) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.keyword() != null) {
            params.put("keyword", Like.contains(filter.keyword()));
            String like = " LIKE :keyword" + Like.ESCAPE;
            conditions.add("(LOWER(p.title)" + like + " OR LOWER(p.title_en)" + like + " OR LOWER(p.subtitle)" + like
                    + " OR LOWER(p.spu_code)" + like
                    + " OR EXISTS (SELECT 1 FROM sku ks WHERE ks.product_id = p.id AND LOWER(ks.sku_code)" + like + ")"
                    + " OR EXISTS (SELECT 1 FROM product_tag kt WHERE kt.product_id = p.id AND LOWER(kt.tag)" + like
                    + "))");
        }
        if (filter.categoryPath() != null) {
            // paths are made of digits and '/', so they need no LIKE escaping
            params.put("categoryPath", filter.categoryPath() + "%");
            conditions.add("p.category_id IN (SELECT c.id FROM category c WHERE c.path LIKE :categoryPath)");
        }
        if (filter.brandId() != null) {
            params.put("brand", filter.brandId());
            conditions.add("p.brand_id = :brand");
        }
        if (filter.status() != null) {
            params.put("status", filter.status().name());
            conditions.add("p.status = :status");
        }
        if (filter.minPrice() != null || filter.maxPrice() != null) {
            StringBuilder price = new StringBuilder(
                    "EXISTS (SELECT 1 FROM sku ps WHERE ps.product_id = p.id AND ps.active");
            if (filter.minPrice() != null) {
                params.put("minPrice", filter.minPrice());
                price.append(" AND ps.sale_price >= :minPrice");
            }
            if (filter.maxPrice() != null) {
                params.put("maxPrice", filter.maxPrice());
                price.append(" AND ps.sale_price <= :maxPrice");
            }
            conditions.add(price.append(')').toString());
        }
        if (filter.tag() != null) {
            params.put("tag", filter.tag().trim().toLowerCase(Locale.ROOT));
            conditions.add("EXISTS (SELECT 1 FROM product_tag t WHERE t.product_id = p.id AND LOWER(t.tag) = :tag)");
        }
        return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
    }

    private static String orderBy(ProductFilter filter) {
        String key = switch (filter.sort().field()) {
            case UPDATED_AT -> "p.updated_at";
            case CREATED_AT -> "p.created_at";
            case TITLE -> "p.title";
            case SPU_CODE -> "p.spu_code";
            case PRICE -> MIN_PRICE;
        };
        String direction = filter.sort().ascending() ? " ASC" : " DESC";
        return " ORDER BY " + key + direction + " NULLS LAST, p.id" + direction;
    }
}
