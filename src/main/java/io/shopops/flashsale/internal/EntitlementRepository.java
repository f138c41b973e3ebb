package io.shopops.flashsale.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.shopops.catalog.SkuId;
import io.shopops.customer.CustomerId;
import io.shopops.flashsale.Entitlement;
import io.shopops.flashsale.EntitlementId;
import io.shopops.flashsale.EntitlementStatus;
import io.shopops.flashsale.FlashSaleId;
import io.shopops.ordering.OrderId;
import io.shopops.shared.Money;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.persistence.SqlTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Customers' entitlements and the quota they hold on their item's row ({@code flash_item.taken}). The quota is
 * only ever changed here, by conditional UPDATEs checked by their row count and backed by
 * {@code CHECK (taken BETWEEN 0 AND quota)}: {@link #take} never gives out more than is left, and each way units
 * go back ({@link #expire}, {@link #returned}, the unused part at {@link #use}) passes an entitlement status gate
 * first, so the same units never go back twice.
 *
 * <p>The entitlement table has no foreign key to the item row on purpose: on PostgreSQL inserting a row that
 * references the hot row would take a share lock on it in every attempt.
 */
@Repository
public class EntitlementRepository {

    private static final String COLUMNS = """
            id, session_id, sku_id, customer_id, quantity, status, accepted_at, expires_at, order_id, order_no,
            used_quantity, used_at, pay_by, paid_at, closed_at""";

    private final JdbcClient jdbc;

    EntitlementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- the gate ---------------------------------------------------------------------------------------------

    /** The customer's entitlement to the item, if the gate ever gave one (any status). */
    public Optional<Entitlement> find(FlashSaleId sale, SkuId sku, CustomerId customer) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM flash_entitlement"
                        + " WHERE session_id = :sale AND sku_id = :sku AND customer_id = :customer")
                .param("sale", sale.value()).param("sku", sku.value()).param("customer", customer.value())
                .query(EntitlementRepository::entitlement).optional();
    }

    /**
     * The customer's entitlement row, ACCEPTED; one per customer and item (unique key), so a concurrent repeat
     * fails here with a duplicate key (on PostgreSQL after waiting for the first one's transaction).
     */
    public EntitlementId insert(FlashSaleId sale, SkuId sku, CustomerId customer, int quantity, Instant at,
            Instant expiresAt) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO flash_entitlement (session_id, sku_id, customer_id, quantity, status, accepted_at, expires_at)
                VALUES (:sale, :sku, :customer, :quantity, 'ACCEPTED', :at, :expires)
                """)
                .param("sale", sale.value()).param("sku", sku.value()).param("customer", customer.value())
                .param("quantity", quantity).param("at", SqlTime.utc(at)).param("expires", SqlTime.utc(expiresAt))
                .update(keys, "id");
        return new EntitlementId(Objects.requireNonNull(keys.getKey()).longValue());
    }

    /**
     * Takes {@code quantity} units of the item's quota if that many are left and the session is running at
     * {@code now}: the decision. The caller runs it last in its transaction, so the row stays locked only until
     * the commit that follows.
     */
    public boolean take(FlashSaleId sale, SkuId sku, int quantity, Instant now) {
        return jdbc.sql("""
                UPDATE flash_item SET taken = taken + :quantity
                WHERE session_id = :sale AND sku_id = :sku AND taken + :quantity <= quota
                  AND EXISTS (SELECT 1 FROM flash_session s WHERE s.id = :sale AND s.status = 'SCHEDULED'
                              AND s.starts_at <= :now AND s.ends_at > :now)
                """)
                .param("quantity", quantity).param("sale", sale.value()).param("sku", sku.value())
                .param("now", SqlTime.utc(now)).update() == 1;
    }

    /** Units left of the item's quota now, as committed. */
    public int remaining(FlashSaleId sale, SkuId sku) {
        return jdbc.sql("SELECT quota - taken FROM flash_item WHERE session_id = :sale AND sku_id = :sku")
                .param("sale", sale.value()).param("sku", sku.value()).query(Integer.class).optional().orElse(0);
    }

    /** Gives units back to the item's quota; only ever called after an entitlement status gate passed. */
    public void giveBack(FlashSaleId sale, SkuId sku, int quantity) {
        if (quantity <= 0) {
            return;
        }
        int updated = jdbc.sql("""
                UPDATE flash_item SET taken = taken - :quantity
                WHERE session_id = :sale AND sku_id = :sku AND taken >= :quantity
                """)
                .param("quantity", quantity).param("sale", sale.value()).param("sku", sku.value()).update();
        if (updated != 1) {
            throw new IllegalStateException("flash item %s/%s holds fewer than %d taken units".formatted(sale, sku,
                    quantity));
        }
    }

    // --- the price chain --------------------------------------------------------------------------------------

    /** An entitlement with what the price chain needs of its item and session. */
    public record Priced(Entitlement entitlement, Money flashPrice, boolean belowCostAllowed, String saleName,
            int payWindowMinutes) {
    }

    /** The customer's ACCEPTED entitlements (expired or not) to any of the SKUs. */
    public List<Priced> accepted(CustomerId customer, Collection<SkuId> skus) {
        if (skus.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT e.id, e.session_id, e.sku_id, e.customer_id, e.quantity, e.status, e.accepted_at, e.expires_at,
                    e.order_id, e.order_no, e.used_quantity, e.used_at, e.pay_by, e.paid_at, e.closed_at,
                    i.flash_price, i.currency, i.below_cost_allowed, s.name, s.pay_window_minutes
                FROM flash_entitlement e
                JOIN flash_item i ON i.session_id = e.session_id AND i.sku_id = e.sku_id
                JOIN flash_session s ON s.id = e.session_id
                WHERE e.customer_id = :customer AND e.status = 'ACCEPTED' AND e.sku_id IN (:skus)
                ORDER BY e.expires_at, e.id
                """)
                .param("customer", customer.value()).param("skus", skus.stream().map(SkuId::value).toList())
                .query(EntitlementRepository::priced).list();
    }

    /** One entitlement with its item's price and session, for redemption. */
    public Optional<Priced> priced(EntitlementId id) {
        return jdbc.sql("""
                SELECT e.id, e.session_id, e.sku_id, e.customer_id, e.quantity, e.status, e.accepted_at, e.expires_at,
                    e.order_id, e.order_no, e.used_quantity, e.used_at, e.pay_by, e.paid_at, e.closed_at,
                    i.flash_price, i.currency, i.below_cost_allowed, s.name, s.pay_window_minutes
                FROM flash_entitlement e
                JOIN flash_item i ON i.session_id = e.session_id AND i.sku_id = e.sku_id
                JOIN flash_session s ON s.id = e.session_id
                WHERE e.id = :id
                """)
                .param("id", id.value()).query(EntitlementRepository::priced).optional();
    }

    /** A session running at {@code now} that sells one of the SKUs, for the price chain's explanations. */
    public record Running(FlashSaleId saleId, SkuId skuId, String name, Money flashPrice) {
    }

    public List<Running> running(Collection<SkuId> skus, Instant now) {
        if (skus.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT s.id, s.name, i.sku_id, i.flash_price, i.currency FROM flash_item i
                JOIN flash_session s ON s.id = i.session_id
                WHERE i.sku_id IN (:skus) AND s.status = 'SCHEDULED' AND s.starts_at <= :now AND s.ends_at > :now
                """)
                .param("skus", skus.stream().map(SkuId::value).toList()).param("now", SqlTime.utc(now))
                .query((rs, n) -> new Running(new FlashSaleId(rs.getLong("id")), new SkuId(rs.getLong("sku_id")),
                        rs.getString("name"), Money.of(rs.getBigDecimal("flash_price"),
                                Currency.getInstance(rs.getString("currency").trim()))))
                .list();
    }

    /**
     * ACCEPTED → USED by the order, while not expired at {@code at}: the redemption's gate (in checkout's
     * transaction). {@code usedQuantity} of the entitlement's units are on the order; it is to be paid by
     * {@code payBy}.
     */
    public boolean use(EntitlementId id, OrderId order, String orderNumber, int usedQuantity, Instant at,
            Instant payBy) {
        return jdbc.sql("""
                UPDATE flash_entitlement SET status = 'USED', order_id = :order, order_no = :number,
                    used_quantity = :used, used_at = :at, pay_by = :payBy
                WHERE id = :id AND status = 'ACCEPTED' AND expires_at > :at AND quantity >= :used
                """)
                .param("order", order.value()).param("number", orderNumber).param("used", usedQuantity)
                .param("at", SqlTime.utc(at)).param("payBy", SqlTime.utc(payBy)).param("id", id.value())
                .update() == 1;
    }

    public Optional<Entitlement> find(EntitlementId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM flash_entitlement WHERE id = :id").param("id", id.value())
                .query(EntitlementRepository::entitlement).optional();
    }

    // --- units back -------------------------------------------------------------------------------------------

    /** ACCEPTED entitlements whose time ran out by {@code now}, soonest first. */
    public List<Entitlement> acceptedExpiredBy(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM flash_entitlement"
                        + " WHERE status = 'ACCEPTED' AND expires_at <= :now ORDER BY expires_at, id LIMIT :limit")
                .param("now", SqlTime.utc(now)).param("limit", limit).query(EntitlementRepository::entitlement)
                .list();
    }

    /** The session's ACCEPTED entitlements (for cancelling the session). */
    public List<Entitlement> acceptedOf(FlashSaleId sale) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM flash_entitlement WHERE session_id = :sale AND status = 'ACCEPTED'")
                .param("sale", sale.value()).query(EntitlementRepository::entitlement).list();
    }

    /**
     * ACCEPTED → EXPIRED: its time ran out ({@code onlyIfDue}) or its session was cancelled. False when it was
     * used or expired meanwhile.
     */
    public boolean expire(EntitlementId id, Instant now, boolean onlyIfDue) {
        return jdbc.sql("UPDATE flash_entitlement SET status = 'EXPIRED', closed_at = :now WHERE id = :id"
                        + " AND status = 'ACCEPTED'" + (onlyIfDue ? " AND expires_at <= :now" : ""))
                .param("now", SqlTime.utc(now)).param("id", id.value()).update() == 1;
    }

    /** USED entitlements whose order was not paid by its time, soonest first. */
    public List<Entitlement> unpaidBy(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM flash_entitlement"
                        + " WHERE status = 'USED' AND pay_by <= :now ORDER BY pay_by, id LIMIT :limit")
                .param("now", SqlTime.utc(now)).param("limit", limit).query(EntitlementRepository::entitlement)
                .list();
    }

    public List<Entitlement> ofOrder(OrderId order) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM flash_entitlement WHERE order_id = :order ORDER BY id")
                .param("order", order.value()).query(EntitlementRepository::entitlement).list();
    }

    /** USED → PAID: the order was paid. */
    public int paid(OrderId order, Instant at) {
        return jdbc.sql("UPDATE flash_entitlement SET status = 'PAID', paid_at = :at WHERE order_id = :order"
                        + " AND status = 'USED'")
                .param("at", SqlTime.utc(at)).param("order", order.value()).update();
    }

    /** USED or PAID → RETURNED: the order was cancelled. False when it was returned before. */
    public boolean returned(EntitlementId id, Instant at) {
        return jdbc.sql("UPDATE flash_entitlement SET status = 'RETURNED', closed_at = :at WHERE id = :id"
                        + " AND status IN ('USED', 'PAID')")
                .param("at", SqlTime.utc(at)).param("id", id.value()).update() == 1;
    }

    // --- reading ----------------------------------------------------------------------------------------------

    public Page<Entitlement> ofCustomer(CustomerId customer, PageQuery page) {
        long total = jdbc.sql("SELECT COUNT(*) FROM flash_entitlement WHERE customer_id = :customer")
                .param("customer", customer.value()).query(Long.class).single();
        List<Entitlement> found = jdbc.sql("SELECT " + COLUMNS + " FROM flash_entitlement"
                        + " WHERE customer_id = :customer ORDER BY accepted_at DESC, id DESC LIMIT :size OFFSET :offset")
                .param("customer", customer.value()).param("size", page.size()).param("offset", page.offset())
                .query(EntitlementRepository::entitlement).list();
        return Page.of(found, page, total);
    }

    static Priced priced(ResultSet rs, int row) throws SQLException {
        return new Priced(entitlement(rs, row), Money.of(rs.getBigDecimal("flash_price"),
                Currency.getInstance(rs.getString("currency").trim())), rs.getBoolean("below_cost_allowed"),
                rs.getString("name"), rs.getInt("pay_window_minutes"));
    }

    static Entitlement entitlement(ResultSet rs, int row) throws SQLException {
        long order = rs.getLong("order_id");
        @org.jspecify.annotations.Nullable OrderId orderId = rs.wasNull() ? null : new OrderId(order);
        int used = rs.getInt("used_quantity");
        @org.jspecify.annotations.Nullable Integer usedQuantity = rs.wasNull() ? null : used;
        return new Entitlement(new EntitlementId(rs.getLong("id")), new FlashSaleId(rs.getLong("session_id")),
                new SkuId(rs.getLong("sku_id")), new CustomerId(rs.getLong("customer_id")), rs.getInt("quantity"),
                EntitlementStatus.valueOf(rs.getString("status")), SqlTime.requiredInstant(rs, "accepted_at"),
                SqlTime.requiredInstant(rs, "expires_at"), orderId, rs.getString("order_no"), usedQuantity,
                SqlTime.instant(rs, "used_at"), SqlTime.instant(rs, "pay_by"), SqlTime.instant(rs, "paid_at"),
                SqlTime.instant(rs, "closed_at"));
    }
}
