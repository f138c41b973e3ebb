package io.shopops.groupbuy.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.shopops.catalog.SkuId;
import io.shopops.customer.CustomerId;
import io.shopops.groupbuy.ActivityStatus;
import io.shopops.groupbuy.BargainActivityId;
import io.shopops.groupbuy.BargainId;
import io.shopops.groupbuy.BargainStatus;
import io.shopops.groupbuy.BargainView;
import io.shopops.ordering.OrderId;
import io.shopops.shared.Money;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.persistence.Like;
import io.shopops.shared.persistence.SqlTime;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Bargain activities, the customers' bargains and their helpers' cuts. A cut is one conditional UPDATE that takes
 * the drawn amount or, when that would pass the floor, exactly what is left above it ({@code LEAST}), only while the
 * bargain is active, above its floor, short of its helpers and before its deadline; the CHECK on
 * {@code current_price >= floor_price} stands behind it. A helper's second cut fails on the cut's key.
 */
@Repository
public class BargainRepository {

    private final JdbcClient jdbc;

    BargainRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- activities -------------------------------------------------------------------------------------------

    public BargainActivityId insert(BargainActivityRecord r) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO bargain_activity (name, sku_id, sku_code, title, start_price, floor_price, currency,
                    below_cost_allowed, max_helpers, deadline_hours, min_cut, max_cut, starts_at, ends_at, status,
                    created_by, created_at, updated_at, version)
                VALUES (:name, :sku, :skuCode, :title, :start, :floor, :currency, :belowCost, :helpers, :hours,
                    :minCut, :maxCut, :starts, :ends, :status, :by, :at, :at, 0)
                """)
                .params(activityParams(r)).param("status", r.status().name()).param("by", r.createdBy())
                .param("at", SqlTime.utc(r.createdAt())).update(keys, "id");
        return new BargainActivityId(Objects.requireNonNull(keys.getKey()).longValue());
    }

    public boolean update(BargainActivityRecord r, long version) {
        return jdbc.sql("""
                UPDATE bargain_activity SET name = :name, sku_id = :sku, sku_code = :skuCode, title = :title,
                    start_price = :start, floor_price = :floor, currency = :currency, below_cost_allowed = :belowCost,
                    max_helpers = :helpers, deadline_hours = :hours, min_cut = :minCut, max_cut = :maxCut,
                    starts_at = :starts, ends_at = :ends, updated_at = :at, version = version + 1
                WHERE id = :id AND version = :version AND status = 'DRAFT'
                """)
                .params(activityParams(r)).param("at", SqlTime.utc(r.updatedAt())).param("id", r.id().value())
                .param("version", version).update() == 1;
    }

    private static Map<String, Object> activityParams(BargainActivityRecord r) {
        Map<String, Object> params = new HashMap<>();
        params.put("name", r.name());
        params.put("sku", r.skuId().value());
        params.put("skuCode", r.skuCode());
        params.put("title", r.title());
        params.put("start", r.startPrice().amount());
        params.put("floor", r.floorPrice().amount());
        params.put("currency", r.startPrice().currency().getCurrencyCode());
        params.put("belowCost", r.belowCostAllowed());
        params.put("helpers", r.maxHelpers());
        params.put("hours", r.deadlineHours());
        params.put("minCut", r.minCut().amount());
        params.put("maxCut", r.maxCut().amount());
        params.put("starts", SqlTime.utc(r.startsAt()));
        params.put("ends", SqlTime.utc(r.endsAt()));
        return params;
    }

    public boolean delete(BargainActivityId id) {
        return jdbc.sql("DELETE FROM bargain_activity WHERE id = :id AND status = 'DRAFT'").param("id", id.value())
                .update() == 1;
    }

    public boolean transition(BargainActivityId id, ActivityStatus from, ActivityStatus to, @Nullable Long version,
            Instant at) {
        String sql = """
                UPDATE bargain_activity SET status = :to, updated_at = :at, version = version + 1
                WHERE id = :id AND status = :from
                """;
        return jdbc.sql(version == null ? sql : sql + " AND version = :version")
                .param("to", to.name()).param("at", SqlTime.utc(at)).param("id", id.value())
                .param("from", from.name()).params(version == null ? Map.of() : Map.of("version", version))
                .update() == 1;
    }

    public Optional<BargainActivityRecord> activity(BargainActivityId id) {
        return jdbc.sql("SELECT * FROM bargain_activity WHERE id = :id").param("id", id.value())
                .query(BargainRepository::activity).optional();
    }

    public Map<BargainActivityId, BargainActivityRecord> activities(Collection<BargainActivityId> ids) {
        Map<BargainActivityId, BargainActivityRecord> found = new HashMap<>();
        List<Long> values = ids.stream().map(BargainActivityId::value).distinct().toList();
        for (int from = 0; from < values.size(); from += 500) {
            jdbc.sql("SELECT * FROM bargain_activity WHERE id IN (:ids)")
                    .param("ids", values.subList(from, Math.min(values.size(), from + 500)))
                    .query(BargainRepository::activity).list().forEach(a -> found.put(a.id(), a));
        }
        return found;
    }

    public Page<BargainActivityRecord> activities(@Nullable ActivityStatus status, @Nullable String text,
            PageQuery page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            where.append(" AND status = :status");
            params.put("status", status.name());
        }
        if (text != null) {
            where.append(" AND (LOWER(name) LIKE :text").append(Like.ESCAPE)
                    .append(" OR LOWER(sku_code) LIKE :text").append(Like.ESCAPE).append(')');
            params.put("text", Like.contains(text));
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM bargain_activity" + where).params(params).query(Long.class)
                .single();
        List<BargainActivityRecord> rows = jdbc.sql("SELECT * FROM bargain_activity" + where
                + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query(BargainRepository::activity).list();
        return Page.of(rows, page, total);
    }

    public List<BargainActivityRecord> running(Instant now, int limit) {
        return jdbc.sql("""
                SELECT * FROM bargain_activity
                WHERE status = 'SCHEDULED' AND starts_at <= :now AND ends_at > :now
                ORDER BY ends_at, id LIMIT :limit
                """).param("now", SqlTime.utc(now)).param("limit", limit).query(BargainRepository::activity).list();
    }

    public List<BargainActivityId> finished(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM bargain_activity WHERE status = 'SCHEDULED' AND ends_at <= :now ORDER BY ends_at LIMIT :limit")
                .param("now", SqlTime.utc(now)).param("limit", limit)
                .query((rs, n) -> new BargainActivityId(rs.getLong("id"))).list();
    }

    // --- bargains ---------------------------------------------------------------------------------------------

    public BargainId insertBargain(BargainActivityRecord activity, CustomerId customer, Money startPrice, String seed,
            Instant startedAt, Instant deadline) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO bargain (activity_id, customer_id, sku_id, start_price, floor_price, current_price,
                    currency, below_cost_allowed, min_cut, max_cut, max_helpers, helpers, last_cut, seed, status,
                    started_at, deadline, version)
                VALUES (:activity, :customer, :sku, :start, :floor, :start, :currency, :belowCost, :minCut, :maxCut,
                    :maxHelpers, 0, 0, :seed, 'ACTIVE', :at, :deadline, 0)
                """)
                .param("activity", activity.id().value()).param("customer", customer.value())
                .param("sku", activity.skuId().value()).param("start", startPrice.amount())
                .param("floor", activity.floorPrice().amount())
                .param("currency", startPrice.currency().getCurrencyCode())
                .param("belowCost", activity.belowCostAllowed()).param("minCut", activity.minCut().amount())
                .param("maxCut", activity.maxCut().amount()).param("maxHelpers", activity.maxHelpers())
                .param("seed", seed).param("at", SqlTime.utc(startedAt)).param("deadline", SqlTime.utc(deadline))
                .update(keys, "id");
        return new BargainId(Objects.requireNonNull(keys.getKey()).longValue());
    }

    /**
     * Cuts {@code drawn} off the bargain's price, or what is left above the floor when that is less; false when the
     * bargain is no longer active, at its floor, out of helpers or past its deadline. The amount taken is left in
     * {@code last_cut}, readable in the same transaction (the row stays locked until it ends).
     */
    public boolean cut(BargainId id, Money drawn, Instant now) {
        return jdbc.sql("""
                UPDATE bargain SET last_cut = LEAST(:drawn, current_price - floor_price),
                    current_price = current_price - LEAST(:drawn, current_price - floor_price),
                    helpers = helpers + 1, version = version + 1
                WHERE id = :id AND status = 'ACTIVE' AND current_price > floor_price AND helpers < max_helpers
                  AND deadline > :now
                """)
                .param("drawn", drawn.amount()).param("id", id.value()).param("now", SqlTime.utc(now)).update() == 1;
    }

    public void insertCut(BargainId id, CustomerId helper, int seq, Money drawn, Money amount, Money priceAfter,
            Instant at) {
        jdbc.sql("""
                INSERT INTO bargain_cut (bargain_id, helper_id, seq, drawn, amount, price_after, cut_at)
                VALUES (:id, :helper, :seq, :drawn, :amount, :after, :at)
                """)
                .param("id", id.value()).param("helper", helper.value()).param("seq", seq)
                .param("drawn", drawn.amount()).param("amount", amount.amount()).param("after", priceAfter.amount())
                .param("at", SqlTime.utc(at)).update();
    }

    /** ACTIVE → PURCHASED by the owner's order at the price reached, before the deadline; false if used, expired or not theirs. */
    public boolean purchase(BargainId id, CustomerId customer, OrderId order, String orderNumber, Instant now) {
        return jdbc.sql("""
                UPDATE bargain SET status = 'PURCHASED', order_id = :order, order_no = :number,
                    purchased_price = current_price, purchased_at = :now, ended_at = :now, version = version + 1
                WHERE id = :id AND customer_id = :customer AND status = 'ACTIVE' AND deadline > :now
                """)
                .param("order", order.value()).param("number", orderNumber)
                .param("now", SqlTime.utc(now)).param("id", id.value()).param("customer", customer.value())
                .update() == 1;
    }

    /** PURCHASED → ACTIVE again when its order was cancelled unpaid and the deadline has not passed. */
    public boolean reopen(OrderId order, Instant now) {
        return jdbc.sql("""
                UPDATE bargain SET status = 'ACTIVE', order_id = NULL, order_no = NULL, purchased_price = NULL,
                    purchased_at = NULL, ended_at = NULL, version = version + 1
                WHERE order_id = :order AND status = 'PURCHASED' AND deadline > :now
                """)
                .param("order", order.value()).param("now", SqlTime.utc(now)).update() == 1;
    }

    public boolean expire(BargainId id, Instant now) {
        return jdbc.sql("""
                UPDATE bargain SET status = 'EXPIRED', ended_at = :now, version = version + 1
                WHERE id = :id AND status = 'ACTIVE' AND deadline <= :now
                """)
                .param("now", SqlTime.utc(now)).param("id", id.value()).update() == 1;
    }

    public List<BargainId> pastDeadline(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM bargain WHERE status = 'ACTIVE' AND deadline <= :now ORDER BY deadline LIMIT :limit")
                .param("now", SqlTime.utc(now)).param("limit", limit)
                .query((rs, n) -> new BargainId(rs.getLong("id"))).list();
    }

    public Optional<BargainRecord> bargain(BargainId id) {
        return jdbc.sql("SELECT * FROM bargain WHERE id = :id").param("id", id.value())
                .query(BargainRepository::bargain).optional();
    }

    public Optional<BargainRecord> bargainOf(BargainActivityId activity, CustomerId customer) {
        return jdbc.sql("SELECT * FROM bargain WHERE activity_id = :activity AND customer_id = :customer")
                .param("activity", activity.value()).param("customer", customer.value())
                .query(BargainRepository::bargain).optional();
    }

    /** The customer's bargains checkout may use now for these SKUs: active and before their deadline, oldest first. */
    public List<BargainRecord> usable(CustomerId customer, Collection<SkuId> skus, Instant now) {
        if (skus.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT * FROM bargain
                WHERE customer_id = :customer AND status = 'ACTIVE' AND deadline > :now AND sku_id IN (:skus)
                ORDER BY started_at, id
                """)
                .param("customer", customer.value()).param("now", SqlTime.utc(now))
                .param("skus", skus.stream().map(SkuId::value).distinct().limit(500).toList())
                .query(BargainRepository::bargain).list();
    }

    public Page<BargainRecord> bargains(@Nullable BargainActivityId activity, @Nullable BargainStatus status,
            @Nullable CustomerId customer, PageQuery page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (activity != null) {
            where.append(" AND activity_id = :activity");
            params.put("activity", activity.value());
        }
        if (status != null) {
            where.append(" AND status = :status");
            params.put("status", status.name());
        }
        if (customer != null) {
            where.append(" AND customer_id = :customer");
            params.put("customer", customer.value());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM bargain" + where).params(params).query(Long.class).single();
        List<BargainRecord> rows = jdbc.sql("SELECT * FROM bargain" + where
                + " ORDER BY started_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query(BargainRepository::bargain).list();
        return Page.of(rows, page, total);
    }

    public List<BargainView.Cut> cuts(BargainId id, Currency currency) {
        return jdbc.sql("SELECT * FROM bargain_cut WHERE bargain_id = :id ORDER BY seq").param("id", id.value())
                .query((rs, n) -> new BargainView.Cut(rs.getInt("seq"), new CustomerId(rs.getLong("helper_id")),
                        Money.of(rs.getBigDecimal("drawn"), currency), Money.of(rs.getBigDecimal("amount"), currency),
                        Money.of(rs.getBigDecimal("price_after"), currency), SqlTime.requiredInstant(rs, "cut_at")))
                .list();
    }

    public Optional<BargainView.Cut> cutBy(BargainId id, CustomerId helper, Currency currency) {
        return cuts(id, currency).stream().filter(c -> c.helperId().equals(helper)).findFirst();
    }

    // --- figures ----------------------------------------------------------------------------------------------

    public Map<BargainStatus, Long> countByStatus() {
        Map<BargainStatus, Long> counts = new EnumMap<>(BargainStatus.class);
        jdbc.sql("SELECT status, COUNT(*) AS n FROM bargain GROUP BY status")
                .query(rs -> {
                    counts.put(BargainStatus.valueOf(rs.getString("status")), rs.getLong("n"));
                });
        return counts;
    }

    public long floorReached() {
        return jdbc.sql("SELECT COUNT(*) FROM bargain WHERE current_price = floor_price").query(Long.class).single();
    }

    public long cutCount() {
        return jdbc.sql("SELECT COUNT(*) FROM bargain_cut").query(Long.class).single();
    }

    // --- mapping ----------------------------------------------------------------------------------------------

    static BargainActivityRecord activity(ResultSet rs, int row) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        return new BargainActivityRecord(new BargainActivityId(rs.getLong("id")), rs.getString("name"),
                new SkuId(rs.getLong("sku_id")), rs.getString("sku_code"), rs.getString("title"),
                Money.of(rs.getBigDecimal("start_price"), currency), Money.of(rs.getBigDecimal("floor_price"), currency),
                rs.getBoolean("below_cost_allowed"), rs.getInt("max_helpers"), rs.getInt("deadline_hours"),
                Money.of(rs.getBigDecimal("min_cut"), currency), Money.of(rs.getBigDecimal("max_cut"), currency),
                SqlTime.requiredInstant(rs, "starts_at"), SqlTime.requiredInstant(rs, "ends_at"),
                ActivityStatus.valueOf(rs.getString("status")), rs.getString("created_by"),
                SqlTime.requiredInstant(rs, "created_at"), SqlTime.requiredInstant(rs, "updated_at"),
                rs.getLong("version"));
    }

    static BargainRecord bargain(ResultSet rs, int row) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        long orderId = rs.getLong("order_id");
        OrderId order = rs.wasNull() ? null : new OrderId(orderId);
        BigDecimal purchased = rs.getBigDecimal("purchased_price");
        return new BargainRecord(new BargainId(rs.getLong("id")), new BargainActivityId(rs.getLong("activity_id")),
                new CustomerId(rs.getLong("customer_id")), new SkuId(rs.getLong("sku_id")),
                Money.of(rs.getBigDecimal("start_price"), currency), Money.of(rs.getBigDecimal("floor_price"), currency),
                Money.of(rs.getBigDecimal("current_price"), currency), rs.getBoolean("below_cost_allowed"),
                Money.of(rs.getBigDecimal("min_cut"), currency), Money.of(rs.getBigDecimal("max_cut"), currency),
                rs.getInt("max_helpers"), rs.getInt("helpers"), Money.of(rs.getBigDecimal("last_cut"), currency),
                rs.getString("seed"), BargainStatus.valueOf(rs.getString("status")),
                SqlTime.requiredInstant(rs, "started_at"), SqlTime.requiredInstant(rs, "deadline"),
                SqlTime.instant(rs, "purchased_at"), purchased == null ? null : Money.of(purchased, currency), order,
                rs.getString("order_no"), SqlTime.instant(rs, "ended_at"), rs.getLong("version"));
    }
}
