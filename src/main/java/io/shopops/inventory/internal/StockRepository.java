package io.shopops.inventory.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.shopops.catalog.SkuId;
import io.shopops.catalog.SkuStock;
import io.shopops.catalog.StockState;
import io.shopops.inventory.StockLevel;
import io.shopops.inventory.WarehouseId;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.persistence.SqlTime;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stock rows and safety stock. Every change is one conditional UPDATE whose row count says whether the rule
 * held (enough available, not below reserved); the CHECK constraints are the last line of defence. Nothing
 * here reads a quantity to decide what to write.
 */
@Repository
public class StockRepository {

    static final int ID_BATCH = 500;

    private final JdbcClient jdbc;

    StockRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- changes --------------------------------------------------------------------------------------------

    /**
     * Holds {@code quantity} units if that many are available: the hot statement of a reservation.
     * False (and nothing changed) when fewer are available or the SKU has no stock row in the warehouse.
     */
    public boolean reserve(SkuId sku, WarehouseId warehouse, long quantity) {
        return jdbc.sql("""
                UPDATE stock SET reserved = reserved + :q
                WHERE sku_id = :sku AND warehouse_id = :warehouse AND on_hand - reserved >= :q
                """)
                .param("q", quantity).param("sku", sku.value()).param("warehouse", warehouse.value())
                .update() == 1;
    }

    /** Gives held units back (release, expiry); false if fewer are reserved, which reconciliation would flag. */
    public boolean unreserve(SkuId sku, WarehouseId warehouse, long quantity) {
        return jdbc.sql("""
                UPDATE stock SET reserved = reserved - :q
                WHERE sku_id = :sku AND warehouse_id = :warehouse AND reserved >= :q
                """)
                .param("q", quantity).param("sku", sku.value()).param("warehouse", warehouse.value())
                .update() == 1;
    }

    /** Held units leave the warehouse: on hand and reserved both go down. */
    public boolean ship(SkuId sku, WarehouseId warehouse, long quantity) {
        return jdbc.sql("""
                UPDATE stock SET on_hand = on_hand - :q, reserved = reserved - :q
                WHERE sku_id = :sku AND warehouse_id = :warehouse AND reserved >= :q
                """)
                .param("q", quantity).param("sku", sku.value()).param("warehouse", warehouse.value())
                .update() == 1;
    }

    /** Adds units to on hand; the caller holds the warehouse's lock, so creating the row cannot race. */
    public void addOnHand(SkuId sku, WarehouseId warehouse, long quantity) {
        int updated = jdbc.sql("UPDATE stock SET on_hand = on_hand + :q WHERE sku_id = :sku AND warehouse_id = :warehouse")
                .param("q", quantity).param("sku", sku.value()).param("warehouse", warehouse.value()).update();
        if (updated == 0) {
            insert(sku, warehouse, quantity);
        }
    }

    public void insert(SkuId sku, WarehouseId warehouse, long onHand) {
        jdbc.sql("INSERT INTO stock (sku_id, warehouse_id, on_hand, reserved) VALUES (:sku, :warehouse, :q, 0)")
                .param("q", onHand).param("sku", sku.value()).param("warehouse", warehouse.value()).update();
    }

    /** Takes units off on hand if that many are available (not reserved); false otherwise. */
    public boolean removeAvailable(SkuId sku, WarehouseId warehouse, long quantity) {
        return jdbc.sql("""
                UPDATE stock SET on_hand = on_hand - :q
                WHERE sku_id = :sku AND warehouse_id = :warehouse AND on_hand - reserved >= :q
                """)
                .param("q", quantity).param("sku", sku.value()).param("warehouse", warehouse.value())
                .update() == 1;
    }

    /**
     * Sets on hand to a counted quantity if it is still {@code seen} (compare and set) and not below what is
     * reserved; false if either changed in between or the count is below reserved.
     */
    public boolean setCounted(SkuId sku, WarehouseId warehouse, long seen, long counted) {
        return jdbc.sql("""
                UPDATE stock SET on_hand = :counted
                WHERE sku_id = :sku AND warehouse_id = :warehouse AND on_hand = :seen AND reserved <= :counted
                """)
                .param("counted", counted).param("seen", seen).param("sku", sku.value())
                .param("warehouse", warehouse.value())
                .update() == 1;
    }

    // --- reads ----------------------------------------------------------------------------------------------

    public Optional<StockLevel> find(SkuId sku, WarehouseId warehouse) {
        return jdbc.sql("SELECT * FROM stock WHERE sku_id = :sku AND warehouse_id = :warehouse")
                .param("sku", sku.value()).param("warehouse", warehouse.value())
                .query((rs, row) -> new StockLevel(sku, warehouse, rs.getLong("on_hand"), rs.getLong("reserved")))
                .optional();
    }

    public StockLevel level(SkuId sku, WarehouseId warehouse) {
        return find(sku, warehouse).orElse(StockLevel.none(sku, warehouse));
    }

    public boolean warehouseHoldsStock(WarehouseId warehouse) {
        return jdbc.sql("SELECT COUNT(*) FROM stock WHERE warehouse_id = :warehouse AND (on_hand > 0 OR reserved > 0)")
                .param("warehouse", warehouse.value()).query(Long.class).single() > 0;
    }

    /** Available quantity per SKU per active warehouse, for the given SKUs; rows with nothing available are left out. */
    public Map<SkuId, Map<WarehouseId, Long>> availability(Collection<SkuId> skus) {
        Map<SkuId, Map<WarehouseId, Long>> result = new HashMap<>();
        List<Long> ids = skus.stream().map(SkuId::value).distinct().toList();
        for (int from = 0; from < ids.size(); from += 500) {
            jdbc.sql("""
                    SELECT s.sku_id, s.warehouse_id, s.on_hand - s.reserved AS available
                    FROM stock s JOIN warehouse w ON w.id = s.warehouse_id
                    WHERE s.sku_id IN (:ids) AND w.active = TRUE AND s.on_hand - s.reserved > 0
                    """).param("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
                    .query(rs -> {
                        result.computeIfAbsent(new SkuId(rs.getLong("sku_id")), k -> new HashMap<>())
                                .put(new WarehouseId(rs.getLong("warehouse_id")), rs.getLong("available"));
                    });
        }
        return result;
    }

    /** A stock row with the SKU's safety stock, for lists. */
    public record Row(SkuId skuId, WarehouseId warehouseId, long onHand, long reserved, int safetyStock) {

        public long available() {
            return onHand - reserved;
        }
    }

    private static final String ROW_STATE = """
            CASE WHEN s.on_hand - s.reserved <= 0 THEN 'OUT_OF_STOCK'
                 WHEN s.on_hand - s.reserved <= COALESCE(ss.quantity, 0) THEN 'LOW_STOCK'
                 ELSE 'IN_STOCK' END""";

    public Page<Row> page(@Nullable WarehouseId warehouse, @Nullable SkuId sku, @Nullable StockState state,
            PageQuery page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (warehouse != null) {
            where.append(" AND s.warehouse_id = :warehouse");
            params.put("warehouse", warehouse.value());
        }
        if (sku != null) {
            where.append(" AND s.sku_id = :sku");
            params.put("sku", sku.value());
        }
        if (state != null) {
            where.append(" AND ").append(ROW_STATE).append(" = :state");
            params.put("state", state.name());
        }
        String from = " FROM stock s LEFT JOIN safety_stock ss ON ss.sku_id = s.sku_id" + where;
        long total = jdbc.sql("SELECT COUNT(*)" + from).params(params).query(Long.class).single();
        List<Row> rows = jdbc.sql("SELECT s.sku_id, s.warehouse_id, s.on_hand, s.reserved, COALESCE(ss.quantity, 0) AS safety"
                        + from + " ORDER BY s.sku_id, s.warehouse_id LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> new Row(new SkuId(rs.getLong("sku_id")), new WarehouseId(rs.getLong("warehouse_id")),
                        rs.getLong("on_hand"), rs.getLong("reserved"), rs.getInt("safety")))
                .list();
        return Page.of(rows, page, total);
    }

    // --- totals over all warehouses ------------------------------------------------------------------------

    /** Totals per SKU with its safety stock; SKUs without any stock row and without safety stock are missing. */
    public Map<SkuId, SkuStock> totals(Collection<SkuId> skus) {
        Map<SkuId, SkuStock> result = new HashMap<>();
        List<Long> ids = skus.stream().map(SkuId::value).distinct().toList();
        for (int from = 0; from < ids.size(); from += ID_BATCH) {
            List<Long> batch = ids.subList(from, Math.min(ids.size(), from + ID_BATCH));
            jdbc.sql("""
                    SELECT k.sku_id, COALESCE(t.on_hand, 0) AS on_hand, COALESCE(t.reserved, 0) AS reserved,
                           COALESCE(ss.quantity, 0) AS safety
                    FROM (SELECT sku_id FROM stock WHERE sku_id IN (:ids)
                          UNION SELECT sku_id FROM safety_stock WHERE sku_id IN (:ids)) k
                    LEFT JOIN (SELECT sku_id, SUM(on_hand) AS on_hand, SUM(reserved) AS reserved
                               FROM stock WHERE sku_id IN (:ids) GROUP BY sku_id) t ON t.sku_id = k.sku_id
                    LEFT JOIN safety_stock ss ON ss.sku_id = k.sku_id
                    """)
                    .param("ids", batch)
                    .query(rs -> {
                        result.put(new SkuId(rs.getLong("sku_id")),
                                new SkuStock(rs.getLong("on_hand"), rs.getLong("reserved"), rs.getLong("safety")));
                    });
        }
        return result;
    }

    public Set<SkuId> skusWithAvailableStock() {
        return new HashSet<>(jdbc.sql("SELECT sku_id FROM stock GROUP BY sku_id HAVING SUM(on_hand - reserved) > 0")
                .query((rs, n) -> new SkuId(rs.getLong(1))).list());
    }

    public Set<SkuId> skusRunningLow() {
        return new HashSet<>(jdbc.sql("""
                SELECT t.sku_id FROM (SELECT sku_id, SUM(on_hand - reserved) AS available FROM stock GROUP BY sku_id) t
                JOIN safety_stock ss ON ss.sku_id = t.sku_id
                WHERE t.available > 0 AND t.available <= ss.quantity
                """).query((rs, n) -> new SkuId(rs.getLong(1))).list());
    }

    /** A SKU at or below its safety stock over all warehouses. */
    public record LowRow(SkuId skuId, long onHand, long reserved, int safetyStock) {

        public long available() {
            return onHand - reserved;
        }
    }

    /*
     * Low stock: total available ≤ safety stock where a safety stock is set, or nothing available at all for a
     * SKU that has had stock (it has a stock row). SKUs with a safety stock but no stock row count as 0 available.
     */
    private static final String LOW_STOCK = """
             FROM (SELECT sku_id FROM stock UNION SELECT sku_id FROM safety_stock WHERE quantity > 0) k
             LEFT JOIN (SELECT sku_id, SUM(on_hand) AS on_hand, SUM(reserved) AS reserved
                        FROM stock GROUP BY sku_id) t ON t.sku_id = k.sku_id
             LEFT JOIN safety_stock ss ON ss.sku_id = k.sku_id
             WHERE (COALESCE(ss.quantity, 0) > 0
                    AND COALESCE(t.on_hand, 0) - COALESCE(t.reserved, 0) <= ss.quantity)
                OR (t.sku_id IS NOT NULL AND t.on_hand - t.reserved = 0)
            """;

    public Page<LowRow> lowStock(PageQuery page) {
        long total = countLowStock();
        List<LowRow> rows = jdbc.sql("""
                        SELECT k.sku_id, COALESCE(t.on_hand, 0) AS on_hand, COALESCE(t.reserved, 0) AS reserved,
                               COALESCE(ss.quantity, 0) AS safety""" + LOW_STOCK + """
                         ORDER BY COALESCE(ss.quantity, 0) - (COALESCE(t.on_hand, 0) - COALESCE(t.reserved, 0)) DESC,
                                  k.sku_id
                         LIMIT :limit OFFSET :offset""")
                .param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> new LowRow(new SkuId(rs.getLong("sku_id")), rs.getLong("on_hand"),
                        rs.getLong("reserved"), rs.getInt("safety")))
                .list();
        return Page.of(rows, page, total);
    }

    public long countLowStock() {
        return jdbc.sql("SELECT COUNT(*)" + LOW_STOCK).query(Long.class).single();
    }

    /** On hand per SKU and warehouse, for valuing the stock. */
    public record OnHand(SkuId skuId, WarehouseId warehouseId, long onHand) {
    }

    public List<OnHand> allOnHand() {
        List<OnHand> rows = new ArrayList<>();
        jdbc.sql("SELECT sku_id, warehouse_id, on_hand FROM stock WHERE on_hand > 0").query(rs -> {
            rows.add(new OnHand(new SkuId(rs.getLong(1)), new WarehouseId(rs.getLong(2)), rs.getLong(3)));
        });
        return rows;
    }

    public long countSkusWithStock() {
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT sku_id FROM stock GROUP BY sku_id HAVING SUM(on_hand) > 0) t")
                .query(Long.class).single();
    }

    // --- safety stock ---------------------------------------------------------------------------------------

    public int safetyStock(SkuId sku) {
        return jdbc.sql("SELECT quantity FROM safety_stock WHERE sku_id = :sku").param("sku", sku.value())
                .query(Integer.class).optional().orElse(0);
    }

    public void setSafetyStock(SkuId sku, int quantity, Instant now) {
        int updated = jdbc.sql("UPDATE safety_stock SET quantity = :q, updated_at = :now WHERE sku_id = :sku")
                .param("q", quantity).param("now", SqlTime.utc(now)).param("sku", sku.value()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO safety_stock (sku_id, quantity, updated_at) VALUES (:sku, :q, :now)")
                    .param("q", quantity).param("now", SqlTime.utc(now)).param("sku", sku.value()).update();
        }
    }
}
