package io.shopops.aftersales.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.shopops.aftersales.AfterSalesId;
import io.shopops.aftersales.AfterSalesKind;
import io.shopops.aftersales.AfterSalesReason;
import io.shopops.aftersales.AfterSalesStatus;
import io.shopops.aftersales.AfterSalesView;
import io.shopops.aftersales.RefundProgress;
import io.shopops.catalog.SkuId;
import io.shopops.customer.CustomerId;
import io.shopops.inventory.WarehouseId;
import io.shopops.ordering.OrderId;
import io.shopops.shared.Money;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.persistence.Like;
import io.shopops.shared.persistence.SqlTime;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * After-sales requests, their lines, evidence and timeline. Every status change is a conditional UPDATE from the
 * states allowed to reach it, checked by its row count: two staff members (or a job and a person) acting on the
 * same request at once change it once.
 */
@Repository
public class AfterSalesRepository {

    private static final int MAX_DETAIL = 1000;

    private final JdbcClient jdbc;

    AfterSalesRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public AfterSalesId nextId() {
        return new AfterSalesId(jdbc.sql("SELECT nextval('after_sales_seq')").query(Long.class).single());
    }

    public void insert(AfterSalesRecord r) {
        jdbc.sql("""
                INSERT INTO after_sales_request (id, request_no, order_id, order_no, customer_id, kind, reason,
                    description, status, refund_amount, currency, refund_status, refund_attempt, requested_at,
                    updated_at, version)
                VALUES (:id, :no, :order, :orderNo, :customer, :kind, :reason, :description, :status, :amount,
                    :currency, 'NONE', 0, :at, :at, 0)
                """)
                .param("id", r.id().value()).param("no", r.requestNo()).param("order", r.orderId().value())
                .param("orderNo", r.orderNumber()).param("customer", r.customerId().value())
                .param("kind", r.kind().name()).param("reason", r.reason().name())
                .param("description", r.description()).param("status", r.status().name())
                .param("amount", r.refundAmount().amount()).param("currency", r.refundAmount().currency().getCurrencyCode())
                .param("at", SqlTime.utc(r.requestedAt())).update();
    }

    public void insertLines(AfterSalesId id, List<AfterSalesLineRecord> lines) {
        for (AfterSalesLineRecord l : lines) {
            jdbc.sql("""
                    INSERT INTO after_sales_line (request_id, line_no, sku_id, sku_code, title, warehouse_id, quantity,
                        amount, restocked, damaged)
                    VALUES (:id, :line, :sku, :code, :title, :warehouse, :quantity, :amount, 0, 0)
                    """)
                    .param("id", id.value()).param("line", l.lineNo()).param("sku", l.skuId().value())
                    .param("code", l.skuCode()).param("title", l.title()).param("warehouse", l.warehouseId().value())
                    .param("quantity", l.quantity()).param("amount", l.amount().amount()).update();
        }
    }

    public void insertEvidence(AfterSalesId id, List<String> urls) {
        for (int i = 0; i < urls.size(); i++) {
            jdbc.sql("INSERT INTO after_sales_evidence (request_id, seq, url) VALUES (:id, :seq, :url)")
                    .param("id", id.value()).param("seq", i + 1).param("url", urls.get(i)).update();
        }
    }

    // --- status changes ---------------------------------------------------------------------------------------

    /** REQUESTED → APPROVED or REJECTED (a rejection closes the request). */
    public boolean decide(AfterSalesId id, AfterSalesStatus to, @Nullable String note, String by, Instant at) {
        return jdbc.sql("""
                UPDATE after_sales_request SET status = :to, decision_note = :note, decided_by = :by, decided_at = :at,
                    closed_at = :closed,
                    updated_at = :at, version = version + 1
                WHERE id = :id AND status = 'REQUESTED'
                """)
                .param("to", to.name()).param("note", note).param("by", by).param("at", SqlTime.utc(at))
                .param("closed", to == AfterSalesStatus.REJECTED ? SqlTime.utc(at) : null)
                .param("id", id.value()).update() == 1;
    }

    /** Withdrawn by the customer or expired: from the given states to CANCELLED. */
    public boolean cancel(AfterSalesId id, Collection<AfterSalesStatus> from, Instant at) {
        return jdbc.sql("""
                UPDATE after_sales_request SET status = 'CANCELLED', closed_at = :at, updated_at = :at,
                    version = version + 1
                WHERE id = :id AND status IN (:from)
                """)
                .param("at", SqlTime.utc(at)).param("id", id.value())
                .param("from", from.stream().map(Enum::name).toList()).update() == 1;
    }

    /** APPROVED → RETURN_SHIPPED, with the customer's carrier and tracking number. */
    public boolean shippedBack(AfterSalesId id, String carrier, String trackingNumber, Instant at) {
        return jdbc.sql("""
                UPDATE after_sales_request SET status = 'RETURN_SHIPPED', return_carrier = :carrier,
                    return_tracking_no = :tracking, return_shipped_at = :at, updated_at = :at, version = version + 1
                WHERE id = :id AND status = 'APPROVED' AND kind = 'RETURN_AND_REFUND'
                """)
                .param("carrier", carrier).param("tracking", trackingNumber).param("at", SqlTime.utc(at))
                .param("id", id.value()).update() == 1;
    }

    /** RETURN_SHIPPED → RECEIVED. */
    public boolean received(AfterSalesId id, String by, @Nullable String note, Instant at) {
        return jdbc.sql("""
                UPDATE after_sales_request SET status = 'RECEIVED', received_by = :by, receipt_note = :note,
                    received_at = :at, updated_at = :at, version = version + 1
                WHERE id = :id AND status = 'RETURN_SHIPPED'
                """)
                .param("by", by).param("note", note).param("at", SqlTime.utc(at)).param("id", id.value())
                .update() == 1;
    }

    public void lineReceived(AfterSalesId id, int lineNo, int restocked, int damaged) {
        jdbc.sql("UPDATE after_sales_line SET restocked = :restocked, damaged = :damaged WHERE request_id = :id AND line_no = :line")
                .param("restocked", restocked).param("damaged", damaged).param("id", id.value())
                .param("line", lineNo).update();
    }

    /**
     * Starts a refund attempt (the first, or a new one after a failure) for a request waiting for its money:
     * APPROVED refund-only or RECEIVED return. False if it is not such a request or an attempt is running.
     */
    public boolean refundRequested(AfterSalesId id, long paymentId, Instant at) {
        return jdbc.sql("""
                UPDATE after_sales_request SET refund_status = 'PENDING', refund_attempt = refund_attempt + 1,
                    payment_id = :payment, refund_id = NULL, refund_failure = NULL, refund_requested_at = :at,
                    updated_at = :at, version = version + 1
                WHERE id = :id AND refund_status IN ('NONE', 'FAILED')
                  AND ((kind = 'REFUND_ONLY' AND status = 'APPROVED') OR (kind = 'RETURN_AND_REFUND' AND status = 'RECEIVED'))
                """)
                .param("payment", paymentId).param("at", SqlTime.utc(at)).param("id", id.value()).update() == 1;
    }

    /** The provider's refund for the current attempt; set once. */
    public boolean refundIssued(AfterSalesId id, int attempt, long refundId) {
        return jdbc.sql("""
                UPDATE after_sales_request SET refund_id = :refund
                WHERE id = :id AND refund_attempt = :attempt AND refund_status = 'PENDING' AND refund_id IS NULL
                """)
                .param("refund", refundId).param("id", id.value()).param("attempt", attempt).update() == 1;
    }

    /** The current attempt's refund succeeded: → REFUNDED, once. */
    public boolean refunded(AfterSalesId id, long refundId, Instant at) {
        return jdbc.sql("""
                UPDATE after_sales_request SET status = 'REFUNDED', refund_status = 'SUCCEEDED', refunded_at = :at,
                    closed_at = :at, updated_at = :at, version = version + 1
                WHERE id = :id AND refund_id = :refund AND refund_status = 'PENDING' AND status IN ('APPROVED', 'RECEIVED')
                """)
                .param("at", SqlTime.utc(at)).param("id", id.value()).param("refund", refundId).update() == 1;
    }

    /** The current attempt's refund failed: staff may try again. */
    public boolean refundFailed(AfterSalesId id, long refundId, String reason, Instant at) {
        return jdbc.sql("""
                UPDATE after_sales_request SET refund_status = 'FAILED', refund_failure = :reason, updated_at = :at,
                    version = version + 1
                WHERE id = :id AND refund_id = :refund AND refund_status = 'PENDING'
                """)
                .param("reason", reason.length() > 300 ? reason.substring(0, 300) : reason)
                .param("at", SqlTime.utc(at)).param("id", id.value()).param("refund", refundId).update() == 1;
    }

    /** The current attempt was refused before the provider created a refund: staff may try again. */
    public boolean attemptFailed(AfterSalesId id, int attempt, String reason, Instant at) {
        return jdbc.sql("""
                UPDATE after_sales_request SET refund_status = 'FAILED', refund_failure = :reason, updated_at = :at,
                    version = version + 1
                WHERE id = :id AND refund_attempt = :attempt AND refund_status = 'PENDING' AND refund_id IS NULL
                """)
                .param("reason", reason.length() > 300 ? reason.substring(0, 300) : reason)
                .param("at", SqlTime.utc(at)).param("id", id.value()).param("attempt", attempt).update() == 1;
    }

    /** Writes a timeline step, once per source reference when one is given. */
    public void step(AfterSalesId id, Instant at, String type, @Nullable AfterSalesStatus from,
            @Nullable AfterSalesStatus to, String actor, @Nullable String detail, @Nullable String sourceRef) {
        String select = """
                INSERT INTO after_sales_event (request_id, occurred_at, event_type, from_status, to_status, actor,
                    detail, source_ref)
                SELECT :id, :at, :type, :from, :to, :actor, :detail, :ref
                """;
        // a step with a source reference is written once however often its event comes
        String once = " WHERE NOT EXISTS (SELECT 1 FROM after_sales_event WHERE request_id = :id AND source_ref = :ref)";
        jdbc.sql(sourceRef == null ? select.replace(":ref", "NULL") : select + once)
                .param("id", id.value()).param("at", SqlTime.utc(at)).param("type", type)
                .param("from", from == null ? null : from.name()).param("to", to == null ? null : to.name())
                .param("actor", actor)
                .param("detail", detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL))
                .params(sourceRef == null ? Map.of() : Map.of("ref", sourceRef)).update();
    }

    // --- reading ----------------------------------------------------------------------------------------------

    public Optional<AfterSalesRecord> find(AfterSalesId id) {
        return jdbc.sql("SELECT * FROM after_sales_request WHERE id = :id").param("id", id.value())
                .query(AfterSalesRepository::request).optional();
    }

    public Optional<AfterSalesRecord> findByRefund(long refundId) {
        return jdbc.sql("SELECT * FROM after_sales_request WHERE refund_id = :refund").param("refund", refundId)
                .query(AfterSalesRepository::request).optional();
    }

    public List<AfterSalesRecord> ofOrder(OrderId order) {
        return jdbc.sql("SELECT * FROM after_sales_request WHERE order_id = :order ORDER BY requested_at, id")
                .param("order", order.value()).query(AfterSalesRepository::request).list();
    }

    public List<AfterSalesLineRecord> lines(AfterSalesId id) {
        return jdbc.sql("""
                SELECT r.currency, l.* FROM after_sales_line l JOIN after_sales_request r ON r.id = l.request_id
                WHERE l.request_id = :id ORDER BY l.line_no
                """).param("id", id.value()).query(AfterSalesRepository::line).list();
    }

    public List<String> evidence(AfterSalesId id) {
        return jdbc.sql("SELECT url FROM after_sales_evidence WHERE request_id = :id ORDER BY seq")
                .param("id", id.value()).query(String.class).list();
    }

    public List<AfterSalesView.Step> steps(AfterSalesId id) {
        return jdbc.sql("SELECT * FROM after_sales_event WHERE request_id = :id ORDER BY occurred_at, id")
                .param("id", id.value())
                .query((rs, n) -> new AfterSalesView.Step(SqlTime.requiredInstant(rs, "occurred_at"),
                        rs.getString("event_type"), status(rs.getString("from_status")),
                        status(rs.getString("to_status")), rs.getString("actor"), rs.getString("detail")))
                .list();
    }

    /** Units per request (the list shows them). */
    public Map<AfterSalesId, Integer> units(Collection<AfterSalesId> ids) {
        Map<AfterSalesId, Integer> units = new HashMap<>();
        if (ids.isEmpty()) {
            return units;
        }
        jdbc.sql("SELECT request_id, SUM(quantity) AS units FROM after_sales_line WHERE request_id IN (:ids) GROUP BY request_id")
                .param("ids", ids.stream().map(AfterSalesId::value).toList())
                .query(rs -> {
                    units.put(new AfterSalesId(rs.getLong("request_id")), rs.getInt("units"));
                });
        return units;
    }

    /** Requests matching the filter, newest first. */
    public Page<AfterSalesRecord> find(AfterSalesFilter filter, PageQuery page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.status() != null) {
            where.append(" AND status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.kind() != null) {
            where.append(" AND kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.reason() != null) {
            where.append(" AND reason = :reason");
            params.put("reason", filter.reason().name());
        }
        if (filter.orderNumber() != null) {
            where.append(" AND (LOWER(order_no) LIKE :no").append(Like.ESCAPE)
                    .append(" OR LOWER(request_no) LIKE :no").append(Like.ESCAPE).append(')');
            params.put("no", Like.contains(filter.orderNumber()));
        }
        if (filter.customerId() != null) {
            where.append(" AND customer_id = :customer");
            params.put("customer", filter.customerId());
        }
        if (filter.requestedFrom() != null) {
            where.append(" AND requested_at >= :from");
            params.put("from", SqlTime.utc(filter.requestedFrom()));
        }
        if (filter.requestedTo() != null) {
            where.append(" AND requested_at < :to");
            params.put("to", SqlTime.utc(filter.requestedTo()));
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM after_sales_request" + where).params(params).query(Long.class)
                .single();
        List<AfterSalesRecord> rows = jdbc.sql("SELECT * FROM after_sales_request" + where
                + " ORDER BY requested_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query(AfterSalesRepository::request).list();
        return Page.of(rows, page, total);
    }

    /** Requests whose refund has been pending since before {@code before}, oldest first. */
    public List<AfterSalesId> pendingRefunds(Instant before, int limit) {
        return jdbc.sql("""
                SELECT id FROM after_sales_request
                WHERE refund_status = 'PENDING' AND status IN ('APPROVED', 'RECEIVED') AND refund_requested_at < :before
                ORDER BY refund_requested_at LIMIT :limit
                """)
                .param("before", SqlTime.utc(before)).param("limit", limit)
                .query((rs, n) -> new AfterSalesId(rs.getLong("id"))).list();
    }

    /** Approved returns not shipped back since before {@code before}, oldest first. */
    public List<AfterSalesId> unshippedReturns(Instant before, int limit) {
        return jdbc.sql("""
                SELECT id FROM after_sales_request
                WHERE status = 'APPROVED' AND kind = 'RETURN_AND_REFUND' AND decided_at < :before
                ORDER BY decided_at LIMIT :limit
                """)
                .param("before", SqlTime.utc(before)).param("limit", limit)
                .query((rs, n) -> new AfterSalesId(rs.getLong("id"))).list();
    }

    /** How many requests are in each status. */
    public Map<AfterSalesStatus, Long> countByStatus() {
        Map<AfterSalesStatus, Long> counts = new HashMap<>();
        jdbc.sql("SELECT status, COUNT(*) AS n FROM after_sales_request GROUP BY status")
                .query(rs -> {
                    counts.put(AfterSalesStatus.valueOf(rs.getString("status")), rs.getLong("n"));
                });
        return counts;
    }

    private static @Nullable AfterSalesStatus status(@Nullable String name) {
        return name == null ? null : AfterSalesStatus.valueOf(name);
    }

    static AfterSalesRecord request(ResultSet rs, int row) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        long paymentId = rs.getLong("payment_id");
        Long payment = rs.wasNull() ? null : paymentId;
        long refundId = rs.getLong("refund_id");
        Long refund = rs.wasNull() ? null : refundId;
        return new AfterSalesRecord(new AfterSalesId(rs.getLong("id")), rs.getString("request_no"),
                new OrderId(rs.getLong("order_id")), rs.getString("order_no"),
                new CustomerId(rs.getLong("customer_id")), AfterSalesKind.valueOf(rs.getString("kind")),
                AfterSalesReason.valueOf(rs.getString("reason")), rs.getString("description"),
                AfterSalesStatus.valueOf(rs.getString("status")),
                Money.of(rs.getBigDecimal("refund_amount"), currency), rs.getString("return_carrier"),
                rs.getString("return_tracking_no"), rs.getString("decision_note"), rs.getString("decided_by"),
                rs.getString("received_by"), rs.getString("receipt_note"), payment, refund,
                RefundProgress.valueOf(rs.getString("refund_status")), rs.getInt("refund_attempt"),
                rs.getString("refund_failure"), SqlTime.requiredInstant(rs, "requested_at"),
                SqlTime.instant(rs, "decided_at"), SqlTime.instant(rs, "return_shipped_at"),
                SqlTime.instant(rs, "received_at"), SqlTime.instant(rs, "refund_requested_at"),
                SqlTime.instant(rs, "refunded_at"), SqlTime.instant(rs, "closed_at"),
                SqlTime.requiredInstant(rs, "updated_at"), rs.getLong("version"));
    }

    static AfterSalesLineRecord line(ResultSet rs, int row) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        return new AfterSalesLineRecord(rs.getInt("line_no"), new SkuId(rs.getLong("sku_id")), rs.getString("sku_code"),
                rs.getString("title"), new WarehouseId(rs.getLong("warehouse_id")), rs.getInt("quantity"),
                Money.of(rs.getBigDecimal("amount"), currency), rs.getInt("restocked"), rs.getInt("damaged"));
    }
}
