package io.shopops.flashsale.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.shopops.catalog.SkuId;
import io.shopops.flashsale.FlashSaleId;
import io.shopops.flashsale.FlashSaleStatus;
import io.shopops.flashsale.QuotaFigures;
import io.shopops.shared.Money;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.persistence.SqlTime;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Sessions and their items. Every status change is a conditional UPDATE from the states allowed to reach it (and
 * from the version the caller read, for staff edits), checked by its row count.
 */
@Repository
public class FlashSaleRepository {

    private final JdbcClient jdbc;

    FlashSaleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public FlashSaleId insert(String name, Instant startsAt, Instant endsAt, int payWindowMinutes, String by,
            Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO flash_session (name, starts_at, ends_at, pay_window_minutes, status, created_by, created_at,
                    updated_at, version)
                VALUES (:name, :starts, :ends, :window, 'DRAFT', :by, :at, :at, 0)
                """)
                .param("name", name).param("starts", SqlTime.utc(startsAt)).param("ends", SqlTime.utc(endsAt))
                .param("window", payWindowMinutes).param("by", by).param("at", SqlTime.utc(at)).update(keys, "id");
        return new FlashSaleId(Objects.requireNonNull(keys.getKey()).longValue());
    }

    /** Replaces a draft's settings, from the version the caller read. */
    public boolean updateDraft(FlashSaleId id, long version, String name, Instant startsAt, Instant endsAt,
            int payWindowMinutes, Instant at) {
        return jdbc.sql("""
                UPDATE flash_session SET name = :name, starts_at = :starts, ends_at = :ends,
                    pay_window_minutes = :window, updated_at = :at, version = version + 1
                WHERE id = :id AND version = :version AND status = 'DRAFT'
                """)
                .param("name", name).param("starts", SqlTime.utc(startsAt)).param("ends", SqlTime.utc(endsAt))
                .param("window", payWindowMinutes).param("at", SqlTime.utc(at)).param("id", id.value())
                .param("version", version).update() == 1;
    }

    public void replaceItems(FlashSaleId id, List<FlashItemRecord> items) {
        jdbc.sql("DELETE FROM flash_item WHERE session_id = :id").param("id", id.value()).update();
        for (FlashItemRecord item : items) {
            jdbc.sql("""
                    INSERT INTO flash_item (session_id, sku_id, position, flash_price, currency, below_cost_allowed,
                        quota, per_customer_limit, taken)
                    VALUES (:id, :sku, :position, :price, :currency, :belowCost, :quota, :limit, 0)
                    """)
                    .param("id", id.value()).param("sku", item.skuId().value()).param("position", item.position())
                    .param("price", item.flashPrice().amount())
                    .param("currency", item.flashPrice().currency().getCurrencyCode())
                    .param("belowCost", item.belowCostAllowed()).param("quota", item.quota())
                    .param("limit", item.perCustomerLimit()).update();
        }
    }

    /** DRAFT → SCHEDULED, from the version the caller read. */
    public boolean schedule(FlashSaleId id, long version, String by, Instant at) {
        return jdbc.sql("""
                UPDATE flash_session SET status = 'SCHEDULED', scheduled_by = :by, scheduled_at = :at, updated_at = :at,
                    version = version + 1
                WHERE id = :id AND version = :version AND status = 'DRAFT'
                """)
                .param("by", by).param("at", SqlTime.utc(at)).param("id", id.value()).param("version", version)
                .update() == 1;
    }

    /** DRAFT or SCHEDULED (not yet ended) → CANCELLED, from the version the caller read. */
    public boolean cancel(FlashSaleId id, long version, String reason, Instant at) {
        return jdbc.sql("""
                UPDATE flash_session SET status = 'CANCELLED', cancel_reason = :reason, closed_at = :at, updated_at = :at,
                    version = version + 1
                WHERE id = :id AND version = :version
                  AND (status = 'DRAFT' OR (status = 'SCHEDULED' AND ends_at > :at))
                """)
                .param("reason", reason).param("at", SqlTime.utc(at)).param("id", id.value())
                .param("version", version).update() == 1;
    }

    /** Scheduled sessions whose end has passed, oldest first. */
    public List<FlashSaleId> endedBefore(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id FROM flash_session WHERE status = 'SCHEDULED' AND ends_at <= :now ORDER BY ends_at, id
                LIMIT :limit
                """)
                .param("now", SqlTime.utc(now)).param("limit", limit)
                .query((rs, n) -> new FlashSaleId(rs.getLong("id"))).list();
    }

    /** SCHEDULED → ENDED once the end has passed. */
    public boolean end(FlashSaleId id, Instant now) {
        return jdbc.sql("""
                UPDATE flash_session SET status = 'ENDED', closed_at = ends_at, updated_at = :now, version = version + 1
                WHERE id = :id AND status = 'SCHEDULED' AND ends_at <= :now
                """)
                .param("now", SqlTime.utc(now)).param("id", id.value()).update() == 1;
    }

    /**
     * Waits for the one lock row that scheduling takes, so that two sessions of the same SKU scheduled at the same
     * moment are checked for overlap one after the other (held to the end of the caller's transaction).
     */
    public void lockScheduling() {
        jdbc.sql("SELECT id FROM flash_schedule_lock WHERE id = 1 FOR UPDATE").query(Integer.class).single();
    }

    public Optional<FlashSaleRecord> find(FlashSaleId id) {
        return jdbc.sql("SELECT * FROM flash_session WHERE id = :id").param("id", id.value())
                .query(FlashSaleRepository::session).optional();
    }

    public List<FlashItemRecord> items(FlashSaleId id) {
        return jdbc.sql("SELECT * FROM flash_item WHERE session_id = :id ORDER BY position")
                .param("id", id.value()).query(FlashSaleRepository::item).list();
    }

    /** The settings of one item of a session, for the gate. */
    public Optional<ItemSettings> settings(FlashSaleId id, SkuId sku) {
        return jdbc.sql("""
                SELECT s.name, s.status, s.starts_at, s.ends_at, s.pay_window_minutes, i.per_customer_limit
                FROM flash_item i JOIN flash_session s ON s.id = i.session_id
                WHERE i.session_id = :id AND i.sku_id = :sku
                """)
                .param("id", id.value()).param("sku", sku.value())
                .query((rs, n) -> new ItemSettings(rs.getString("name"), FlashSaleStatus.valueOf(rs.getString("status")),
                        SqlTime.requiredInstant(rs, "starts_at"), SqlTime.requiredInstant(rs, "ends_at"),
                        rs.getInt("pay_window_minutes"), rs.getInt("per_customer_limit")))
                .optional();
    }

    public Optional<FlashItemRecord> item(FlashSaleId id, SkuId sku) {
        return jdbc.sql("SELECT * FROM flash_item WHERE session_id = :id AND sku_id = :sku")
                .param("id", id.value()).param("sku", sku.value()).query(FlashSaleRepository::item).optional();
    }

    /** Sessions, newest start first; all statuses when {@code status} is null. */
    public Page<FlashSaleRecord> find(@Nullable FlashSaleStatus status, PageQuery page) {
        String where = status == null ? "" : " WHERE status = :status";
        JdbcClient.StatementSpec count = jdbc.sql("SELECT COUNT(*) FROM flash_session" + where);
        JdbcClient.StatementSpec rows = jdbc.sql("SELECT * FROM flash_session" + where
                + " ORDER BY starts_at DESC, id DESC LIMIT :size OFFSET :offset");
        if (status != null) {
            count = count.param("status", status.name());
            rows = rows.param("status", status.name());
        }
        long total = count.query(Long.class).single();
        List<FlashSaleRecord> found = rows.param("offset", page.offset()).param("size", page.size())
                .query(FlashSaleRepository::session).list();
        return Page.of(found, page, total);
    }

    /** Per session: how many SKUs, their quotas and units taken together. */
    public Map<FlashSaleId, long[]> totals(Collection<FlashSaleId> ids) {
        Map<FlashSaleId, long[]> totals = new HashMap<>();
        if (ids.isEmpty()) {
            return totals;
        }
        jdbc.sql("""
                SELECT session_id, COUNT(*) AS skus, SUM(quota) AS quota, SUM(taken) AS taken FROM flash_item
                WHERE session_id IN (:ids) GROUP BY session_id
                """)
                .param("ids", ids.stream().map(FlashSaleId::value).toList())
                .query(rs -> {
                    totals.put(new FlashSaleId(rs.getLong("session_id")),
                            new long[] { rs.getLong("skus"), rs.getLong("quota"), rs.getLong("taken") });
                });
        return totals;
    }

    /** Another session (not {@code except}) in one of {@code statuses} selling one of the SKUs in the window. */
    public record Overlap(SkuId skuId, FlashSaleId saleId, String name, Instant startsAt, Instant endsAt) {
    }

    public List<Overlap> overlapping(Collection<SkuId> skus, Instant startsAt, Instant endsAt,
            @Nullable FlashSaleId except, Collection<FlashSaleStatus> statuses) {
        if (skus.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT i.sku_id, s.id, s.name, s.starts_at, s.ends_at FROM flash_item i
                JOIN flash_session s ON s.id = i.session_id
                WHERE i.sku_id IN (:skus) AND s.id <> :except AND s.status IN (:statuses)
                  AND s.starts_at < :ends AND s.ends_at > :starts
                ORDER BY s.starts_at, s.id
                """)
                .param("skus", skus.stream().map(SkuId::value).toList())
                .param("except", except == null ? -1L : except.value())
                .param("statuses", statuses.stream().map(Enum::name).toList())
                .param("starts", SqlTime.utc(startsAt)).param("ends", SqlTime.utc(endsAt))
                .query((rs, n) -> new Overlap(new SkuId(rs.getLong("sku_id")), new FlashSaleId(rs.getLong("id")),
                        rs.getString("name"), SqlTime.requiredInstant(rs, "starts_at"),
                        SqlTime.requiredInstant(rs, "ends_at")))
                .list();
    }

    /**
     * Each item's quota figures: the item row's quota and taken, and from the entitlements the units accepted and
     * not yet ordered, in orders placed and in orders paid.
     */
    public Map<SkuId, QuotaFigures> figures(FlashSaleId id) {
        Map<SkuId, int[]> units = new HashMap<>();
        jdbc.sql("""
                SELECT sku_id, status, SUM(quantity) AS quantity, SUM(used_quantity) AS used FROM flash_entitlement
                WHERE session_id = :id AND status IN ('ACCEPTED', 'USED', 'PAID') GROUP BY sku_id, status
                """)
                .param("id", id.value())
                .query(rs -> {
                    int[] u = units.computeIfAbsent(new SkuId(rs.getLong("sku_id")), k -> new int[3]);
                    switch (rs.getString("status")) {
                        case "ACCEPTED" -> u[0] += rs.getInt("quantity");
                        case "USED" -> u[1] += rs.getInt("used");
                        default -> {
                            u[1] += rs.getInt("used");
                            u[2] += rs.getInt("used");
                        }
                    }
                });
        Map<SkuId, QuotaFigures> figures = new HashMap<>();
        for (FlashItemRecord item : items(id)) {
            int[] u = units.getOrDefault(item.skuId(), new int[3]);
            figures.put(item.skuId(), new QuotaFigures(item.skuId(), item.quota(), item.taken(), u[0], u[1], u[2]));
        }
        return figures;
    }

    static FlashSaleRecord session(ResultSet rs, int row) throws SQLException {
        return new FlashSaleRecord(new FlashSaleId(rs.getLong("id")), rs.getString("name"),
                SqlTime.requiredInstant(rs, "starts_at"), SqlTime.requiredInstant(rs, "ends_at"),
                rs.getInt("pay_window_minutes"), FlashSaleStatus.valueOf(rs.getString("status")),
                rs.getString("created_by"), SqlTime.requiredInstant(rs, "created_at"),
                SqlTime.requiredInstant(rs, "updated_at"), rs.getString("scheduled_by"),
                SqlTime.instant(rs, "scheduled_at"), SqlTime.instant(rs, "closed_at"), rs.getString("cancel_reason"),
                rs.getLong("version"));
    }

    static FlashItemRecord item(ResultSet rs, int row) throws SQLException {
        return new FlashItemRecord(new FlashSaleId(rs.getLong("session_id")), new SkuId(rs.getLong("sku_id")),
                rs.getInt("position"), Money.of(rs.getBigDecimal("flash_price"),
                        Currency.getInstance(rs.getString("currency").trim())),
                rs.getBoolean("below_cost_allowed"), rs.getInt("quota"), rs.getInt("per_customer_limit"),
                rs.getInt("taken"));
    }
}
