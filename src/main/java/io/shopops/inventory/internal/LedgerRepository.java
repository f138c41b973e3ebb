package io.shopops.inventory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shopops.catalog.SkuId;
import io.shopops.inventory.MovementType;
import io.shopops.inventory.MovementView;
import io.shopops.inventory.ReconciliationReport.Check;
import io.shopops.inventory.ReconciliationReport.Mismatch;
import io.shopops.inventory.ReservationId;
import io.shopops.inventory.WarehouseId;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.persistence.SqlTime;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The stock ledger: one row per change of on hand or reserved. There is no method to change or delete a row,
 * and the database refuses it too (trigger).
 */
@Repository
public class LedgerRepository {

    private static final String INSERT = """
            INSERT INTO stock_movement (sku_id, warehouse_id, movement_type, on_hand_delta, reserved_delta, reason,
                                        reference, transfer_id, reservation_id, actor, occurred_at)
            VALUES (:sku, :warehouse, :type, :onHand, :reserved, :reason, :reference, :transfer, :reservation,
                    :actor, :at)
            """;
    private static final int MAX_MISMATCHES = 1000;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    LedgerRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** An entry to append. */
    public record Entry(SkuId skuId, WarehouseId warehouseId, MovementType type, long onHandDelta,
            long reservedDelta, @Nullable String reason, @Nullable String reference, @Nullable UUID transferId,
            @Nullable ReservationId reservationId) {
    }

    public MovementView append(Entry entry, String actor, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        batch.update(INSERT, params(entry, actor, at), keys, new String[] { "id" });
        return new MovementView(keys.getKeyAs(Number.class).longValue(), entry.skuId(), entry.warehouseId(),
                entry.type(), entry.onHandDelta(), entry.reservedDelta(), entry.reason(), entry.reference(),
                entry.transferId(), entry.reservationId(), actor, at);
    }

    /** Appends several entries in one JDBC batch, as a reservation with many lines does. */
    public void appendAll(List<Entry> entries, String actor, Instant at) {
        if (entries.size() == 1) {
            batch.update(INSERT, params(entries.getFirst(), actor, at));
            return;
        }
        batch.batchUpdate(INSERT, entries.stream().map(e -> params(e, actor, at)).toArray(MapSqlParameterSource[]::new));
    }

    private static MapSqlParameterSource params(Entry entry, String actor, Instant at) {
        return new MapSqlParameterSource()
                .addValue("sku", entry.skuId().value())
                .addValue("warehouse", entry.warehouseId().value())
                .addValue("type", entry.type().name())
                .addValue("onHand", entry.onHandDelta())
                .addValue("reserved", entry.reservedDelta())
                .addValue("reason", entry.reason())
                .addValue("reference", entry.reference())
                .addValue("transfer", entry.transferId())
                .addValue("reservation", entry.reservationId() == null ? null : entry.reservationId().value())
                .addValue("actor", actor.length() <= 64 ? actor : actor.substring(0, 64))
                .addValue("at", SqlTime.utc(at));
    }

    public Page<MovementView> find(@Nullable SkuId sku, @Nullable WarehouseId warehouse, @Nullable MovementType type,
            @Nullable String reference, @Nullable Instant from, @Nullable Instant to, PageQuery page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (sku != null) {
            where.append(" AND sku_id = :sku");
            params.put("sku", sku.value());
        }
        if (warehouse != null) {
            where.append(" AND warehouse_id = :warehouse");
            params.put("warehouse", warehouse.value());
        }
        if (type != null) {
            where.append(" AND movement_type = :type");
            params.put("type", type.name());
        }
        if (reference != null) {
            where.append(" AND reference = :reference");
            params.put("reference", reference);
        }
        if (from != null) {
            where.append(" AND occurred_at >= :from");
            params.put("from", SqlTime.utc(from));
        }
        if (to != null) {
            where.append(" AND occurred_at < :to");
            params.put("to", SqlTime.utc(to));
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM stock_movement" + where).params(params).query(Long.class).single();
        List<MovementView> items = jdbc.sql("SELECT * FROM stock_movement" + where
                        + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query(LedgerRepository::map).list();
        return Page.of(items, page, total);
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM stock_movement").query(Long.class).single();
    }

    /** The result of comparing the ledger and the active reservations with the stock rows. */
    public record Reconciliation(long rowsChecked, List<Mismatch> mismatches) {
    }

    /**
     * One statement over every SKU and warehouse that has a stock row, ledger entries or active reservations, so
     * that on PostgreSQL it sees one consistent snapshot even while stock keeps moving.
     */
    public Reconciliation reconcile() {
        long[] checked = { 0 };
        List<Mismatch> mismatches = new ArrayList<>();
        jdbc.sql("""
                SELECT k.sku_id, k.warehouse_id,
                       COALESCE(s.on_hand, 0) AS on_hand, COALESCE(s.reserved, 0) AS reserved,
                       COALESCE(l.on_hand, 0) AS ledger_on_hand, COALESCE(l.reserved, 0) AS ledger_reserved,
                       COALESCE(a.quantity, 0) AS active_reserved
                FROM (SELECT sku_id, warehouse_id FROM stock
                      UNION SELECT sku_id, warehouse_id FROM stock_movement
                      UNION SELECT rl.sku_id, rl.warehouse_id FROM reservation_line rl
                            JOIN reservation r ON r.id = rl.reservation_id WHERE r.status = 'ACTIVE') k
                LEFT JOIN stock s ON s.sku_id = k.sku_id AND s.warehouse_id = k.warehouse_id
                LEFT JOIN (SELECT sku_id, warehouse_id, SUM(on_hand_delta) AS on_hand, SUM(reserved_delta) AS reserved
                           FROM stock_movement GROUP BY sku_id, warehouse_id) l
                       ON l.sku_id = k.sku_id AND l.warehouse_id = k.warehouse_id
                LEFT JOIN (SELECT rl.sku_id, rl.warehouse_id, SUM(rl.quantity) AS quantity
                           FROM reservation_line rl JOIN reservation r ON r.id = rl.reservation_id
                           WHERE r.status = 'ACTIVE' GROUP BY rl.sku_id, rl.warehouse_id) a
                       ON a.sku_id = k.sku_id AND a.warehouse_id = k.warehouse_id
                """)
                .query(rs -> {
                    checked[0]++;
                    if (mismatches.size() >= MAX_MISMATCHES) {
                        return;
                    }
                    SkuId sku = new SkuId(rs.getLong("sku_id"));
                    WarehouseId warehouse = new WarehouseId(rs.getLong("warehouse_id"));
                    long onHand = rs.getLong("on_hand");
                    long reserved = rs.getLong("reserved");
                    compare(mismatches, sku, warehouse, Check.LEDGER_ON_HAND, rs.getLong("ledger_on_hand"), onHand);
                    compare(mismatches, sku, warehouse, Check.LEDGER_RESERVED, rs.getLong("ledger_reserved"), reserved);
                    compare(mismatches, sku, warehouse, Check.ACTIVE_RESERVATIONS, rs.getLong("active_reserved"),
                            reserved);
                });
        return new Reconciliation(checked[0], mismatches);
    }

    private static void compare(List<Mismatch> mismatches, SkuId sku, WarehouseId warehouse, Check check,
            long expected, long actual) {
        if (expected != actual) {
            mismatches.add(new Mismatch(sku, warehouse, check, expected, actual));
        }
    }

    static MovementView map(ResultSet rs, int row) throws SQLException {
        return new MovementView(rs.getLong("id"), new SkuId(rs.getLong("sku_id")),
                new WarehouseId(rs.getLong("warehouse_id")), MovementType.valueOf(rs.getString("movement_type")),
                rs.getLong("on_hand_delta"), rs.getLong("reserved_delta"), rs.getString("reason"),
                rs.getString("reference"), rs.getObject("transfer_id", UUID.class),
                reservationId(rs),
                rs.getString("actor"), SqlTime.requiredInstant(rs, "occurred_at"));
    }

    private static @Nullable ReservationId reservationId(ResultSet rs) throws SQLException {
        Long id = rs.getObject("reservation_id", Long.class);
        return id == null ? null : new ReservationId(id);
    }
}
