package io.shopops.inventory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.shopops.catalog.SkuId;
import io.shopops.inventory.ReservationId;
import io.shopops.inventory.ReservationStatus;
import io.shopops.inventory.ReservationView;
import io.shopops.inventory.WarehouseId;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.persistence.Batches;
import io.shopops.shared.persistence.SqlTime;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Reservations and their lines. A reservation leaves ACTIVE through {@link #close} only, a conditional UPDATE
 * on its status: of a release, an expiry and a shipment racing for the same reservation exactly one wins.
 */
@Repository
public class ReservationRepository {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    ReservationRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Inserts an ACTIVE reservation. Throws {@link org.springframework.dao.DuplicateKeyException} when the
     * reference already has an active one (unique {@code active_reference}).
     */
    public ReservationId insert(String reference, Instant expiresAt, String createdBy, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO reservation (reference, active_reference, status, expires_at, created_at, created_by)
                VALUES (:reference, :reference, 'ACTIVE', :expires, :now, :by)
                """)
                .param("reference", reference).param("expires", SqlTime.utc(expiresAt))
                .param("now", SqlTime.utc(now)).param("by", createdBy)
                .update(keys, "id");
        return new ReservationId(keys.getKeyAs(Number.class).longValue());
    }

    public void insertLines(ReservationId id, List<ReservationView.Line> lines) {
        String sql = """
                INSERT INTO reservation_line (reservation_id, line_no, sku_id, warehouse_id, quantity)
                VALUES (:id, :no, :sku, :warehouse, :q)
                """;
        MapSqlParameterSource[] rows = new MapSqlParameterSource[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            ReservationView.Line line = lines.get(i);
            rows[i] = new MapSqlParameterSource().addValue("id", id.value()).addValue("no", i)
                    .addValue("sku", line.skuId().value()).addValue("warehouse", line.warehouseId().value())
                    .addValue("q", line.quantity());
        }
        if (rows.length == 1) {
            batch.update(sql, rows[0]);
        } else {
            batch.batchUpdate(sql, rows);
        }
    }

    /** An ended reservation of an imported order. */
    public record ClosedRow(String reference, ReservationStatus status, Instant createdAt, Instant closedAt,
            String actor) {
    }

    /** A line of a reservation inserted in bulk. */
    public record LineRow(ReservationId reservation, int lineNo, SkuId skuId, WarehouseId warehouseId, int quantity) {
    }

    /** Inserts ended reservations in batches (no expiry: they ended); their ids in input order. */
    public List<ReservationId> insertClosed(List<ClosedRow> rows) {
        return Batches.insertReturningKeys(batch, """
                INSERT INTO reservation (reference, active_reference, status, expires_at, created_at, created_by,
                                         closed_at, closed_by)
                VALUES (:reference, NULL, :status, NULL, :created, :by, :closed, :by)
                """, "id", rows.stream().map(row -> new MapSqlParameterSource()
                        .addValue("reference", row.reference()).addValue("status", row.status().name())
                        .addValue("created", SqlTime.utc(row.createdAt())).addValue("closed", SqlTime.utc(row.closedAt()))
                        .addValue("by", row.actor())).toList())
                .stream().map(ReservationId::new).toList();
    }

    public void insertLines(List<LineRow> rows) {
        Batches.insert(batch, """
                INSERT INTO reservation_line (reservation_id, line_no, sku_id, warehouse_id, quantity)
                VALUES (:id, :no, :sku, :warehouse, :q)
                """, rows.stream().map(row -> new MapSqlParameterSource().addValue("id", row.reservation().value())
                        .addValue("no", row.lineNo()).addValue("sku", row.skuId().value())
                        .addValue("warehouse", row.warehouseId().value()).addValue("q", row.quantity())).toList());
    }

    /**
     * Moves an ACTIVE reservation to {@code status}; false if it is not ACTIVE (any more). For EXPIRED only a
     * reservation whose time has run out at {@code now} qualifies.
     */
    public boolean close(ReservationId id, ReservationStatus status, String actor, Instant now) {
        String expiredOnly = status == ReservationStatus.EXPIRED ? " AND expires_at <= :now" : "";
        return jdbc.sql("""
                UPDATE reservation SET status = :status, active_reference = NULL, closed_at = :now, closed_by = :by
                WHERE id = :id AND status = 'ACTIVE'""" + expiredOnly)
                .param("status", status.name()).param("now", SqlTime.utc(now)).param("by", actor)
                .param("id", id.value())
                .update() == 1;
    }

    /** Removes an ACTIVE reservation's expiry: it is then held until shipped or released. */
    public boolean keep(ReservationId id) {
        return jdbc.sql("UPDATE reservation SET expires_at = NULL WHERE id = :id AND status = 'ACTIVE'")
                .param("id", id.value()).update() == 1;
    }

    public List<ReservationView.Line> lines(ReservationId id) {
        return jdbc.sql("SELECT sku_id, warehouse_id, quantity FROM reservation_line WHERE reservation_id = :id ORDER BY line_no")
                .param("id", id.value())
                .query((rs, n) -> new ReservationView.Line(new SkuId(rs.getLong("sku_id")),
                        new WarehouseId(rs.getLong("warehouse_id")), rs.getInt("quantity")))
                .list();
    }

    /** The reservation with its lines, in one statement (releases and shipments read it on their hot path). */
    public Optional<ReservationView> find(ReservationId id) {
        List<ReservationView.Line> lines = new ArrayList<>();
        Header[] header = { null };
        jdbc.sql("""
                SELECT r.*, l.sku_id, l.warehouse_id, l.quantity
                FROM reservation r JOIN reservation_line l ON l.reservation_id = r.id
                WHERE r.id = :id ORDER BY l.line_no
                """)
                .param("id", id.value())
                .query(rs -> {
                    if (header[0] == null) {
                        header[0] = header(rs, 0);
                    }
                    lines.add(new ReservationView.Line(new SkuId(rs.getLong("sku_id")),
                            new WarehouseId(rs.getLong("warehouse_id")), rs.getInt("quantity")));
                });
        return Optional.ofNullable(header[0]).map(h -> h.withLines(lines));
    }

    /** ACTIVE reservations whose time ran out at {@code now}, oldest first. */
    public List<ReservationId> due(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id FROM reservation WHERE status = 'ACTIVE' AND expires_at <= :now
                ORDER BY expires_at, id LIMIT :limit
                """)
                .param("now", SqlTime.utc(now)).param("limit", limit)
                .query((rs, n) -> new ReservationId(rs.getLong(1))).list();
    }

    public Page<ReservationView> find(@Nullable String reference, @Nullable ReservationStatus status, PageQuery page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (reference != null) {
            where.append(" AND reference = :reference");
            params.put("reference", reference);
        }
        if (status != null) {
            where.append(" AND status = :status");
            params.put("status", status.name());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM reservation" + where).params(params).query(Long.class).single();
        List<Header> headers = jdbc.sql("SELECT * FROM reservation" + where + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query(ReservationRepository::header).list();
        Map<Long, List<ReservationView.Line>> lines = new HashMap<>();
        if (!headers.isEmpty()) {
            jdbc.sql("""
                    SELECT reservation_id, sku_id, warehouse_id, quantity FROM reservation_line
                    WHERE reservation_id IN (:ids) ORDER BY reservation_id, line_no
                    """)
                    .param("ids", headers.stream().map(h -> h.id().value()).toList())
                    .query(rs -> {
                        lines.computeIfAbsent(rs.getLong("reservation_id"), k -> new ArrayList<>())
                                .add(new ReservationView.Line(new SkuId(rs.getLong("sku_id")),
                                        new WarehouseId(rs.getLong("warehouse_id")), rs.getInt("quantity")));
                    });
        }
        return Page.of(headers.stream().map(h -> h.withLines(lines.getOrDefault(h.id().value(), List.of()))).toList(),
                page, total);
    }

    record Header(ReservationId id, String reference, ReservationStatus status, @Nullable Instant expiresAt, Instant createdAt,
            String createdBy, @Nullable Instant closedAt, @Nullable String closedBy) {

        ReservationView withLines(List<ReservationView.Line> lines) {
            return new ReservationView(id, reference, status, lines, expiresAt, createdAt, createdBy, closedAt, closedBy);
        }
    }

    static Header header(ResultSet rs, int row) throws SQLException {
        return new Header(new ReservationId(rs.getLong("id")), rs.getString("reference"),
                ReservationStatus.valueOf(rs.getString("status")), SqlTime.instant(rs, "expires_at"),
                SqlTime.requiredInstant(rs, "created_at"), rs.getString("created_by"),
                SqlTime.instant(rs, "closed_at"), rs.getString("closed_by"));
    }
}
