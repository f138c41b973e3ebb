package io.shopops.ordering.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.shopops.catalog.ProductId;
import io.shopops.catalog.SkuId;
import io.shopops.inventory.ReservationId;
import io.shopops.inventory.WarehouseId;
import io.shopops.ordering.AppliedRule;
import io.shopops.ordering.Attribution;
import io.shopops.ordering.OrderId;
import io.shopops.ordering.OrderStatus;
import io.shopops.ordering.SalesChannel;
import io.shopops.shared.Money;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.persistence.Batches;
import io.shopops.shared.persistence.Like;
import io.shopops.shared.persistence.SqlTime;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Orders, their lines, applied price rules and allocations. A status changes only through {@link #transition}:
 * one conditional UPDATE from the states the change is allowed from, checked by its row count, so that of two
 * changes racing for the same order (a payment and the cancellation job) exactly one wins.
 */
@Repository
public class OrderRepository {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    OrderRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The next order id, before the order is written (its number contains it). */
    public OrderId nextId() {
        return new OrderId(jdbc.sql("SELECT nextval('shop_order_seq')").query(Long.class).single());
    }

    /**
     * {@code count} order ids from the sequence, ascending (in statements of at most 1000: a recursive row source
     * both databases understand).
     */
    public List<OrderId> nextIds(int count) {
        List<Long> ids = new ArrayList<>(count);
        for (int done = 0; done < count; done += Batches.SIZE) {
            int n = Math.min(Batches.SIZE, count - done);
            ids.addAll(jdbc.sql("""
                    WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :count)
                    SELECT nextval('shop_order_seq') FROM n
                    """).param("count", n).query(Long.class).list());
        }
        return ids.stream().sorted().map(OrderId::new).toList();
    }

    /** Which of these ids orders have already. */
    public java.util.Set<OrderId> existing(Collection<OrderId> ids) {
        java.util.Set<OrderId> found = new java.util.HashSet<>();
        for (List<Long> chunk : Batches.chunks(ids.stream().map(OrderId::value).toList(), 500)) {
            jdbc.sql("SELECT id FROM shop_order WHERE id IN (:ids)").param("ids", chunk).query(Long.class).list()
                    .forEach(id -> found.add(new OrderId(id)));
        }
        return found;
    }

    /** Inserts finished or advanced orders as they are (an import of history), in batches. */
    public void insertHistorical(List<OrderRecord> orders) {
        Batches.insert(batch, """
                INSERT INTO shop_order (id, order_no, customer_id, status, channel, currency, items_amount,
                    discount_amount, shipping_fee, total_amount, paid_amount, refunded_amount, ship_recipient, ship_phone,
                    ship_province, ship_city, ship_district, ship_detail, ship_postal_code, customer_note, utm_source,
                    utm_medium, utm_campaign, campaign_code, payment_deadline, placed_at, paid_at, allocated_at,
                    shipped_at, delivered_at, completed_at, cancelled_at, cancel_reason, updated_at)
                VALUES (:id, :no, :customer, :status, :channel, :currency, :items, :discount, :shipping, :total, :paid,
                    :refunded, :recipient, :phone, :province, :city, :district, :detail, :postal, :note, :utmSource,
                    :utmMedium, :utmCampaign, :campaign, :deadline, :placed, :paidAt, :allocated, :shipped, :delivered,
                    :completed, :cancelled, :reason, :updated)
                """, orders.stream().map(order -> {
                    OrderRecord.StoredDestination to = order.destination();
                    Attribution from = order.attribution();
                    return new MapSqlParameterSource().addValue("id", order.id().value())
                            .addValue("no", order.orderNumber()).addValue("customer", order.customerId())
                            .addValue("status", order.status().name()).addValue("channel", order.channel().name())
                            .addValue("currency", order.total().currency().getCurrencyCode())
                            .addValue("items", order.itemsAmount().amount())
                            .addValue("discount", order.discountAmount().amount())
                            .addValue("shipping", order.shippingFee().amount())
                            .addValue("total", order.total().amount()).addValue("paid", order.paidAmount().amount())
                            .addValue("refunded", order.refundedAmount().amount())
                            .addValue("recipient", to.recipient()).addValue("phone", to.phone())
                            .addValue("province", to.province()).addValue("city", to.city())
                            .addValue("district", to.district()).addValue("detail", to.detail())
                            .addValue("postal", to.postalCode()).addValue("note", order.customerNote())
                            .addValue("utmSource", from.utmSource()).addValue("utmMedium", from.utmMedium())
                            .addValue("utmCampaign", from.utmCampaign()).addValue("campaign", from.campaignCode())
                            .addValue("deadline", SqlTime.utc(order.paymentDeadline()))
                            .addValue("placed", SqlTime.utc(order.placedAt()))
                            .addValue("paidAt", SqlTime.utc(order.paidAt()))
                            .addValue("allocated", SqlTime.utc(order.allocatedAt()))
                            .addValue("shipped", SqlTime.utc(order.shippedAt()))
                            .addValue("delivered", SqlTime.utc(order.deliveredAt()))
                            .addValue("completed", SqlTime.utc(order.completedAt()))
                            .addValue("cancelled", SqlTime.utc(order.cancelledAt()))
                            .addValue("reason", order.cancelReason())
                            .addValue("updated", SqlTime.utc(order.updatedAt()));
                }).toList());
    }

    /** A row of one of an order's tables, with its order, for the bulk inserts of an import. */
    public record Of<T>(OrderId order, T row) {
    }

    /** Lines with what after-sales gave back for them, in batches. */
    public void insertAllLines(List<Of<OrderLineRecord>> lines) {
        Batches.insert(batch, """
                INSERT INTO order_line (order_id, line_no, sku_id, sku_code, product_id, title, spec, quantity,
                    unit_price, discount_amount, payable_amount, cost_price, warehouse_id, refunded_amount,
                    returned_quantity, claimed_amount, claimed_quantity)
                VALUES (:order, :no, :sku, :code, :product, :title, :spec, :quantity, :unit, :discount, :payable,
                    :cost, :warehouse, :refunded, :returned, :refunded, :returned)
                """, lines.stream().map(of -> {
                    OrderLineRecord line = of.row();
                    return new MapSqlParameterSource().addValue("order", of.order().value())
                            .addValue("no", line.lineNo()).addValue("sku", line.skuId().value())
                            .addValue("code", line.skuCode()).addValue("product", line.productId().value())
                            .addValue("title", line.title()).addValue("spec", line.spec())
                            .addValue("quantity", line.quantity()).addValue("unit", line.unitPrice().amount())
                            .addValue("discount", line.discount().amount()).addValue("payable", line.payable().amount())
                            .addValue("cost", line.costPrice().amount()).addValue("warehouse", line.warehouseId().value())
                            .addValue("refunded", line.refundedAmount().amount())
                            .addValue("returned", line.returnedQuantity());
                }).toList());
    }

    public void insertAllPriceRules(List<Of<List<AppliedRule>>> rules) {
        List<MapSqlParameterSource> rows = new ArrayList<>();
        for (Of<List<AppliedRule>> of : rules) {
            for (int i = 0; i < of.row().size(); i++) {
                AppliedRule rule = of.row().get(i);
                rows.add(new MapSqlParameterSource().addValue("order", of.order().value()).addValue("seq", i)
                        .addValue("kind", rule.kind().name()).addValue("code", rule.code())
                        .addValue("label", rule.label()).addValue("amount", rule.amount().amount())
                        .addValue("reference", rule.reference()));
            }
        }
        Batches.insert(batch, """
                INSERT INTO order_price_rule (order_id, seq, kind, code, label, amount, reference)
                VALUES (:order, :seq, :kind, :code, :label, :amount, :reference)
                """, rows);
    }

    public void insertAllAllocations(List<Of<AllocationRecord>> allocations) {
        Batches.insert(batch, """
                INSERT INTO order_allocation (order_id, warehouse_id, reservation_id, shipment_id, status, carrier,
                    tracking_number, dispatched_at, delivered_at)
                VALUES (:order, :warehouse, :reservation, :shipment, :status, :carrier, :tracking, :dispatched,
                    :delivered)
                """, allocations.stream().map(of -> {
                    AllocationRecord a = of.row();
                    return new MapSqlParameterSource().addValue("order", of.order().value())
                            .addValue("warehouse", a.warehouseId().value())
                            .addValue("reservation", a.reservationId().value()).addValue("shipment", a.shipmentId())
                            .addValue("status", a.status().name()).addValue("carrier", a.carrier())
                            .addValue("tracking", a.trackingNumber())
                            .addValue("dispatched", SqlTime.utc(a.dispatchedAt()))
                            .addValue("delivered", SqlTime.utc(a.deliveredAt()));
                }).toList());
    }

    public void insertAllPayments(List<Of<PaymentRecord>> payments) {
        Batches.insert(batch, """
                INSERT INTO order_payment (payment_id, order_id, amount, provider_code, provider_txn_id, paid_at, outcome)
                VALUES (:payment, :order, :amount, :provider, :txn, :paid, :outcome)
                """, payments.stream().map(of -> new MapSqlParameterSource()
                        .addValue("payment", of.row().paymentId()).addValue("order", of.order().value())
                        .addValue("amount", of.row().amount().amount()).addValue("provider", of.row().providerCode())
                        .addValue("txn", of.row().providerTransactionId())
                        .addValue("paid", SqlTime.utc(of.row().paidAt())).addValue("outcome", of.row().outcome()))
                        .toList());
    }

    public void insertAllRefunds(List<Of<RefundRecord>> refunds) {
        Batches.insert(batch, """
                INSERT INTO order_refund (refund_id, order_id, payment_id, amount, refunded_at)
                VALUES (:refund, :order, :payment, :amount, :at)
                """, refunds.stream().map(of -> new MapSqlParameterSource()
                        .addValue("refund", of.row().refundId()).addValue("order", of.order().value())
                        .addValue("payment", of.row().paymentId()).addValue("amount", of.row().amount().amount())
                        .addValue("at", SqlTime.utc(of.row().refundedAt()))).toList());
    }

    public void insert(OrderRecord order) {
        OrderRecord.StoredDestination to = order.destination();
        Attribution from = order.attribution();
        jdbc.sql("""
                INSERT INTO shop_order (id, order_no, customer_id, status, channel, currency, items_amount,
                    discount_amount, shipping_fee, total_amount, ship_recipient, ship_phone, ship_province, ship_city,
                    ship_district, ship_detail, ship_postal_code, customer_note, utm_source, utm_medium, utm_campaign,
                    campaign_code, payment_deadline, placed_at, updated_at)
                VALUES (:id, :no, :customer, :status, :channel, :currency, :items, :discount, :shipping, :total,
                    :recipient, :phone, :province, :city, :district, :detail, :postal, :note, :utmSource, :utmMedium,
                    :utmCampaign, :campaign, :deadline, :placed, :placed)
                """)
                .param("id", order.id().value()).param("no", order.orderNumber())
                .param("customer", order.customerId()).param("status", order.status().name())
                .param("channel", order.channel().name())
                .param("currency", order.total().currency().getCurrencyCode())
                .param("items", order.itemsAmount().amount()).param("discount", order.discountAmount().amount())
                .param("shipping", order.shippingFee().amount()).param("total", order.total().amount())
                .param("recipient", to.recipient()).param("phone", to.phone()).param("province", to.province())
                .param("city", to.city()).param("district", to.district()).param("detail", to.detail())
                .param("postal", to.postalCode()).param("note", order.customerNote())
                .param("utmSource", from.utmSource()).param("utmMedium", from.utmMedium())
                .param("utmCampaign", from.utmCampaign()).param("campaign", from.campaignCode())
                .param("deadline", SqlTime.utc(order.paymentDeadline()))
                .param("placed", SqlTime.utc(order.placedAt()))
                .update();
    }

    public void insertLines(OrderId id, List<OrderLineRecord> lines) {
        String sql = """
                INSERT INTO order_line (order_id, line_no, sku_id, sku_code, product_id, title, spec, quantity,
                    unit_price, discount_amount, payable_amount, cost_price, warehouse_id)
                VALUES (:order, :no, :sku, :code, :product, :title, :spec, :quantity, :unit, :discount, :payable,
                    :cost, :warehouse)
                """;
        MapSqlParameterSource[] rows = new MapSqlParameterSource[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            OrderLineRecord line = lines.get(i);
            rows[i] = new MapSqlParameterSource().addValue("order", id.value()).addValue("no", line.lineNo())
                    .addValue("sku", line.skuId().value()).addValue("code", line.skuCode())
                    .addValue("product", line.productId().value()).addValue("title", line.title())
                    .addValue("spec", line.spec()).addValue("quantity", line.quantity())
                    .addValue("unit", line.unitPrice().amount()).addValue("discount", line.discount().amount())
                    .addValue("payable", line.payable().amount()).addValue("cost", line.costPrice().amount())
                    .addValue("warehouse", line.warehouseId().value());
        }
        batch.batchUpdate(sql, rows);
    }

    public void insertPriceRules(OrderId id, List<AppliedRule> rules) {
        String sql = """
                INSERT INTO order_price_rule (order_id, seq, kind, code, label, amount, reference)
                VALUES (:order, :seq, :kind, :code, :label, :amount, :reference)
                """;
        MapSqlParameterSource[] rows = new MapSqlParameterSource[rules.size()];
        for (int i = 0; i < rules.size(); i++) {
            AppliedRule rule = rules.get(i);
            rows[i] = new MapSqlParameterSource().addValue("order", id.value()).addValue("seq", i)
                    .addValue("kind", rule.kind().name()).addValue("code", rule.code())
                    .addValue("label", rule.label()).addValue("amount", rule.amount().amount())
                    .addValue("reference", rule.reference());
        }
        batch.batchUpdate(sql, rows);
    }

    public void insertAllocation(OrderId id, WarehouseId warehouse, ReservationId reservation) {
        jdbc.sql("""
                INSERT INTO order_allocation (order_id, warehouse_id, reservation_id, status)
                VALUES (:order, :warehouse, :reservation, 'RESERVED')
                """)
                .param("order", id.value()).param("warehouse", warehouse.value())
                .param("reservation", reservation.value()).update();
    }

    /**
     * Moves the order to {@code to} if it is in one of {@code from} now; false otherwise (it moved meanwhile). The
     * status's time stamp column is set to {@code at} (the payment's own time for PAID, otherwise now); a
     * cancellation keeps its reason.
     */
    public boolean transition(OrderId id, Collection<OrderStatus> from, OrderStatus to, Instant now, Instant at,
            @Nullable String cancelReason) {
        String stamp = switch (to) {
            case PAID -> ", paid_at = :at";
            case ALLOCATED -> ", allocated_at = :at";
            case SHIPPED -> ", shipped_at = :at";
            case DELIVERED -> ", delivered_at = :at";
            case COMPLETED -> ", completed_at = :at";
            case CANCELLED -> ", cancelled_at = :at, cancel_reason = :reason";
            default -> "";
        };
        return jdbc.sql("UPDATE shop_order SET status = :to, updated_at = :now, version = version + 1" + stamp
                + " WHERE id = :id AND status IN (:from)")
                .param("to", to.name()).param("now", SqlTime.utc(now)).param("at", SqlTime.utc(at))
                .param("reason", cancelReason).param("id", id.value())
                .param("from", from.stream().map(Enum::name).toList())
                .update() == 1;
    }

    /** Flags the order as abnormal (異常訂單) with the reason; a second flag replaces the reason. */
    public boolean flagAbnormal(OrderId id, String reason, Instant now) {
        return jdbc.sql("""
                UPDATE shop_order SET abnormal = TRUE, abnormal_reason = :reason, updated_at = :now,
                    version = version + 1
                WHERE id = :id
                """)
                .param("reason", reason).param("now", SqlTime.utc(now)).param("id", id.value()).update() == 1;
    }

    /** Marks an unpaid order to wait in review once paid, for the reason; false if it is no longer unpaid. */
    public boolean holdOnPayment(OrderId id, String reason) {
        return jdbc.sql("UPDATE shop_order SET payment_hold = :reason WHERE id = :id AND status = 'PENDING_PAYMENT'")
                .param("reason", reason).param("id", id.value()).update() == 1;
    }

    public Optional<String> paymentHold(OrderId id) {
        return jdbc.sql("SELECT payment_hold FROM shop_order WHERE id = :id AND payment_hold IS NOT NULL")
                .param("id", id.value()).query(String.class).optional();
    }

    /** Clears the flag; false if the order was not flagged. */
    public boolean clearAbnormal(OrderId id, Instant now) {
        return jdbc.sql("""
                UPDATE shop_order SET abnormal = FALSE, abnormal_reason = NULL, updated_at = :now,
                    version = version + 1
                WHERE id = :id AND abnormal = TRUE
                """)
                .param("now", SqlTime.utc(now)).param("id", id.value()).update() == 1;
    }

    /**
     * Records a captured payment once (a repeated event finds the row and adds nothing); adds its amount to the
     * order's paid amount in the same step. False if the payment was recorded before.
     */
    /**
     * Locks the order's row, so that concurrent deliveries of the same event take turns: the second sees the first's
     * row rather than both passing NOT EXISTS and one failing on the key (its event then left for a retry).
     */
    private void lock(OrderId id) {
        jdbc.sql("SELECT id FROM shop_order WHERE id = :id FOR UPDATE").param("id", id.value()).query(Long.class)
                .optional();
    }

    public boolean recordPayment(OrderId id, long paymentId, Money amount, String providerCode,
            @Nullable String providerTransactionId, Instant paidAt, String outcome) {
        lock(id);
        int inserted = jdbc.sql("""
                INSERT INTO order_payment (payment_id, order_id, amount, provider_code, provider_txn_id, paid_at,
                    outcome)
                SELECT :payment, :order, :amount, :provider, :txn, :paid, :outcome
                WHERE NOT EXISTS (SELECT 1 FROM order_payment WHERE payment_id = :payment)
                """)
                .param("payment", paymentId).param("order", id.value()).param("amount", amount.amount())
                .param("provider", providerCode).param("txn", providerTransactionId)
                .param("paid", SqlTime.utc(paidAt)).param("outcome", outcome).update();
        if (inserted == 0) {
            return false;
        }
        jdbc.sql("UPDATE shop_order SET paid_amount = paid_amount + :amount, version = version + 1 WHERE id = :id")
                .param("amount", amount.amount()).param("id", id.value()).update();
        return true;
    }

    /** What the order made of a payment recorded for it: ACCEPTED, or REFUND_DUE (to be given back). */
    public void paymentOutcome(long paymentId, String outcome) {
        jdbc.sql("UPDATE order_payment SET outcome = :outcome WHERE payment_id = :payment")
                .param("outcome", outcome).param("payment", paymentId).update();
    }

    /** Records a successful refund once and adds it to the order's refunded amount; false if seen before. */
    public boolean recordRefund(OrderId id, long refundId, long paymentId, Money amount, Instant refundedAt) {
        lock(id);
        int inserted = jdbc.sql("""
                INSERT INTO order_refund (refund_id, order_id, payment_id, amount, refunded_at)
                SELECT :refund, :order, :payment, :amount, :at
                WHERE NOT EXISTS (SELECT 1 FROM order_refund WHERE refund_id = :refund)
                """)
                .param("refund", refundId).param("order", id.value()).param("payment", paymentId)
                .param("amount", amount.amount()).param("at", SqlTime.utc(refundedAt)).update();
        if (inserted == 0) {
            return false;
        }
        jdbc.sql("UPDATE shop_order SET refunded_amount = refunded_amount + :amount, version = version + 1 WHERE id = :id")
                .param("amount", amount.amount()).param("id", id.value()).update();
        return true;
    }

    public Optional<OrderRecord> find(OrderId id) {
        return jdbc.sql("SELECT * FROM shop_order WHERE id = :id").param("id", id.value())
                .query(OrderRepository::order).optional();
    }

    public Optional<OrderRecord> findByNumber(String orderNumber) {
        return jdbc.sql("SELECT * FROM shop_order WHERE order_no = :no").param("no", orderNumber)
                .query(OrderRepository::order).optional();
    }

    public Optional<OrderStatus> status(OrderId id) {
        return jdbc.sql("SELECT status FROM shop_order WHERE id = :id").param("id", id.value())
                .query((rs, n) -> OrderStatus.valueOf(rs.getString(1))).optional();
    }

    public List<OrderLineRecord> lines(OrderId id) {
        return jdbc.sql("SELECT o.currency, l.* FROM order_line l JOIN shop_order o ON o.id = l.order_id WHERE l.order_id = :id ORDER BY l.line_no")
                .param("id", id.value()).query(OrderRepository::line).list();
    }

    public List<AppliedRule> priceRules(OrderId id) {
        return jdbc.sql("SELECT o.currency, r.* FROM order_price_rule r JOIN shop_order o ON o.id = r.order_id WHERE r.order_id = :id ORDER BY r.seq")
                .param("id", id.value())
                .query((rs, n) -> new AppliedRule(AppliedRule.Kind.valueOf(rs.getString("kind")), rs.getString("code"),
                        rs.getString("label"), money(rs, "amount"), rs.getString("reference")))
                .list();
    }

    public List<AllocationRecord> allocations(OrderId id) {
        return jdbc.sql("SELECT * FROM order_allocation WHERE order_id = :id ORDER BY warehouse_id")
                .param("id", id.value()).query(OrderRepository::allocation).list();
    }

    /** The allocation a shipment was created for, with its order. */
    public Optional<OrderId> orderOfShipment(long shipmentId) {
        return jdbc.sql("SELECT order_id FROM order_allocation WHERE shipment_id = :shipment")
                .param("shipment", shipmentId).query((rs, n) -> new OrderId(rs.getLong(1))).optional();
    }

    /** Records the shipment created for an allocation that has none yet; false if it has one. */
    public boolean shipmentCreated(OrderId id, WarehouseId warehouse, long shipmentId) {
        return jdbc.sql("""
                UPDATE order_allocation SET shipment_id = :shipment, status = 'SHIPMENT_CREATED'
                WHERE order_id = :order AND warehouse_id = :warehouse AND status = 'RESERVED'
                """)
                .param("shipment", shipmentId).param("order", id.value()).param("warehouse", warehouse.value())
                .update() == 1;
    }

    /** A shipment fulfilment cancelled on its own: the allocation holds its reservation again, without shipment. */
    public boolean shipmentCancelled(OrderId id, long shipmentId) {
        return jdbc.sql("""
                UPDATE order_allocation SET shipment_id = NULL, status = 'RESERVED'
                WHERE order_id = :order AND shipment_id = :shipment AND status = 'SHIPMENT_CREATED'
                """)
                .param("order", id.value()).param("shipment", shipmentId).update() == 1;
    }

    /** The parcel left: once (a repeated event changes nothing); a parcel signed for already stays delivered. */
    public boolean parcelDispatched(long shipmentId, @Nullable String carrier, @Nullable String trackingNumber,
            Instant dispatchedAt) {
        return jdbc.sql("""
                UPDATE order_allocation SET status = CASE WHEN status = 'DELIVERED' THEN 'DELIVERED' ELSE 'DISPATCHED' END,
                    carrier = :carrier, tracking_number = :tracking, dispatched_at = :at
                WHERE shipment_id = :shipment AND dispatched_at IS NULL AND status <> 'RELEASED'
                """)
                .param("carrier", carrier).param("tracking", trackingNumber).param("at", SqlTime.utc(dispatchedAt))
                .param("shipment", shipmentId).update() == 1;
    }

    /** The parcel was signed for: once. */
    public boolean parcelDelivered(long shipmentId, Instant deliveredAt) {
        return jdbc.sql("""
                UPDATE order_allocation SET status = 'DELIVERED', delivered_at = :at
                WHERE shipment_id = :shipment AND status IN ('SHIPMENT_CREATED', 'DISPATCHED')
                """)
                .param("at", SqlTime.utc(deliveredAt)).param("shipment", shipmentId).update() == 1;
    }

    /** Marks the order's allocations whose stock went back (cancellation); returns how many. */
    public int allocationsReleased(OrderId id) {
        return jdbc.sql("UPDATE order_allocation SET status = 'RELEASED' WHERE order_id = :id AND status IN ('RESERVED', 'SHIPMENT_CREATED')")
                .param("id", id.value()).update();
    }

    /** Points an allocation at a new reservation (the old one ended before the order was paid). */
    public void replaceReservation(OrderId id, WarehouseId warehouse, ReservationId reservation) {
        jdbc.sql("UPDATE order_allocation SET reservation_id = :reservation WHERE order_id = :order AND warehouse_id = :warehouse")
                .param("reservation", reservation.value()).param("order", id.value())
                .param("warehouse", warehouse.value()).update();
    }

    public record PaymentRecord(long paymentId, Money amount, String providerCode, @Nullable String providerTransactionId,
            Instant paidAt, String outcome) {
    }

    public record RefundRecord(long refundId, long paymentId, Money amount, Instant refundedAt) {
    }

    public List<PaymentRecord> payments(OrderId id) {
        return jdbc.sql("SELECT o.currency, p.* FROM order_payment p JOIN shop_order o ON o.id = p.order_id WHERE p.order_id = :id ORDER BY p.paid_at, p.payment_id")
                .param("id", id.value())
                .query((rs, n) -> new PaymentRecord(rs.getLong("payment_id"), money(rs, "amount"),
                        rs.getString("provider_code"), rs.getString("provider_txn_id"),
                        SqlTime.requiredInstant(rs, "paid_at"), rs.getString("outcome")))
                .list();
    }

    public List<RefundRecord> refunds(OrderId id) {
        return jdbc.sql("SELECT o.currency, r.* FROM order_refund r JOIN shop_order o ON o.id = r.order_id WHERE r.order_id = :id ORDER BY r.refunded_at, r.refund_id")
                .param("id", id.value())
                .query((rs, n) -> new RefundRecord(rs.getLong("refund_id"), rs.getLong("payment_id"),
                        money(rs, "amount"), SqlTime.requiredInstant(rs, "refunded_at")))
                .list();
    }

    /** How many units each order holds and the title of its first line, for lists. */
    public record LineSummary(int units, String firstTitle) {
    }

    public Map<OrderId, LineSummary> lineSummaries(Collection<OrderId> ids) {
        Map<OrderId, LineSummary> summaries = new HashMap<>();
        if (ids.isEmpty()) {
            return summaries;
        }
        jdbc.sql("""
                SELECT l.order_id, SUM(l.quantity) AS units, MIN(f.title) AS first_title
                FROM order_line l JOIN order_line f ON f.order_id = l.order_id AND f.line_no = 1
                WHERE l.order_id IN (:ids) GROUP BY l.order_id
                """)
                .param("ids", ids.stream().map(OrderId::value).toList())
                .query(rs -> {
                    summaries.put(new OrderId(rs.getLong("order_id")),
                            new LineSummary(rs.getInt("units"), rs.getString("first_title")));
                });
        return summaries;
    }

    /** A customer's orders, newest first. */
    public Page<OrderRecord> ofCustomer(long customerId, PageQuery page) {
        return find(new OrderFilter(null, null, null, null, null, null, customerId, null, null), page);
    }

    /** Orders matching the filter, newest first. */
    public Page<OrderRecord> find(OrderFilter filter, PageQuery page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.status() != null) {
            where.append(" AND status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.placedFrom() != null) {
            where.append(" AND placed_at >= :from");
            params.put("from", SqlTime.utc(filter.placedFrom()));
        }
        if (filter.placedTo() != null) {
            where.append(" AND placed_at < :to");
            params.put("to", SqlTime.utc(filter.placedTo()));
        }
        if (filter.minTotal() != null) {
            where.append(" AND total_amount >= :minTotal");
            params.put("minTotal", filter.minTotal());
        }
        if (filter.maxTotal() != null) {
            where.append(" AND total_amount <= :maxTotal");
            params.put("maxTotal", filter.maxTotal());
        }
        if (filter.channel() != null) {
            where.append(" AND channel = :channel");
            params.put("channel", filter.channel().name());
        }
        if (filter.customerId() != null) {
            where.append(" AND customer_id = :customer");
            params.put("customer", filter.customerId());
        }
        if (filter.abnormal() != null) {
            where.append(" AND abnormal = :abnormal");
            params.put("abnormal", filter.abnormal());
        }
        if (filter.orderNumber() != null) {
            where.append(" AND LOWER(order_no) LIKE :no").append(Like.ESCAPE);
            params.put("no", Like.contains(filter.orderNumber()));
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM shop_order" + where).params(params).query(Long.class).single();
        List<OrderRecord> rows = jdbc.sql("SELECT * FROM shop_order" + where
                + " ORDER BY placed_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query(OrderRepository::order).list();
        return Page.of(rows, page, total);
    }

    /** Unpaid orders whose payment window closed at {@code now}, oldest deadline first. */
    public List<OrderId> unpaidPastDeadline(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id FROM shop_order WHERE status = 'PENDING_PAYMENT' AND payment_deadline <= :now
                ORDER BY payment_deadline, id LIMIT :limit
                """)
                .param("now", SqlTime.utc(now)).param("limit", limit)
                .query((rs, n) -> new OrderId(rs.getLong(1))).list();
    }

    /** Delivered orders delivered at or before {@code before}, oldest first. */
    public List<OrderId> deliveredBefore(Instant before, int limit) {
        return jdbc.sql("""
                SELECT id FROM shop_order WHERE status = 'DELIVERED' AND delivered_at <= :before
                ORDER BY delivered_at, id LIMIT :limit
                """)
                .param("before", SqlTime.utc(before)).param("limit", limit)
                .query((rs, n) -> new OrderId(rs.getLong(1))).list();
    }

    /** Orders paid in [from, to), whatever became of them since. */
    public List<OrderRecord> paidBetween(Instant from, Instant to) {
        return jdbc.sql("SELECT * FROM shop_order WHERE paid_at >= :from AND paid_at < :to ORDER BY paid_at, id")
                .param("from", SqlTime.utc(from)).param("to", SqlTime.utc(to))
                .query(OrderRepository::order).list();
    }

    /** The orders with these numbers, by number (in batches of at most 500). */
    public Map<String, OrderRecord> byNumbers(Collection<String> numbers) {
        Map<String, OrderRecord> found = new HashMap<>();
        List<String> all = List.copyOf(new LinkedHashSet<>(numbers));
        for (int start = 0; start < all.size(); start += 500) {
            jdbc.sql("SELECT * FROM shop_order WHERE order_no IN (:numbers)")
                    .param("numbers", all.subList(start, Math.min(all.size(), start + 500)))
                    .query(OrderRepository::order).list().forEach(o -> found.put(o.orderNumber(), o));
        }
        return found;
    }

    /** The payments recorded for these orders, by order (in batches of at most 500). */
    public Map<OrderId, List<PaymentRecord>> paymentsOf(Collection<OrderId> ids) {
        Map<OrderId, List<PaymentRecord>> found = new HashMap<>();
        List<Long> all = ids.stream().map(OrderId::value).distinct().toList();
        for (int start = 0; start < all.size(); start += 500) {
            jdbc.sql("SELECT o.currency, p.* FROM order_payment p JOIN shop_order o ON o.id = p.order_id WHERE p.order_id IN (:ids) ORDER BY p.paid_at, p.payment_id")
                    .param("ids", all.subList(start, Math.min(all.size(), start + 500)))
                    .query(rs -> {
                        found.computeIfAbsent(new OrderId(rs.getLong("order_id")), k -> new ArrayList<>())
                                .add(new PaymentRecord(rs.getLong("payment_id"), money(rs, "amount"),
                                        rs.getString("provider_code"), rs.getString("provider_txn_id"),
                                        SqlTime.requiredInstant(rs, "paid_at"), rs.getString("outcome")));
                    });
        }
        return found;
    }

    // --- rows -----------------------------------------------------------------------------------------------

    static OrderRecord order(ResultSet rs, int row) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency").trim());
        return new OrderRecord(new OrderId(rs.getLong("id")), rs.getString("order_no"), rs.getLong("customer_id"),
                OrderStatus.valueOf(rs.getString("status")), SalesChannel.valueOf(rs.getString("channel")),
                money(rs, "items_amount", currency), money(rs, "discount_amount", currency),
                money(rs, "shipping_fee", currency), money(rs, "total_amount", currency),
                money(rs, "paid_amount", currency), money(rs, "refunded_amount", currency),
                new OrderRecord.StoredDestination(rs.getString("ship_recipient"), rs.getString("ship_phone"),
                        rs.getString("ship_province"), rs.getString("ship_city"), rs.getString("ship_district"),
                        rs.getString("ship_detail"), rs.getString("ship_postal_code")),
                rs.getString("customer_note"),
                new Attribution(rs.getString("utm_source"), rs.getString("utm_medium"), rs.getString("utm_campaign"),
                        rs.getString("campaign_code")),
                rs.getBoolean("abnormal"), rs.getString("abnormal_reason"),
                SqlTime.requiredInstant(rs, "payment_deadline"), SqlTime.requiredInstant(rs, "placed_at"),
                SqlTime.instant(rs, "paid_at"), SqlTime.instant(rs, "allocated_at"), SqlTime.instant(rs, "shipped_at"),
                SqlTime.instant(rs, "delivered_at"), SqlTime.instant(rs, "completed_at"),
                SqlTime.instant(rs, "cancelled_at"), rs.getString("cancel_reason"),
                SqlTime.requiredInstant(rs, "updated_at"), rs.getLong("version"));
    }

    static OrderLineRecord line(ResultSet rs, int row) throws SQLException {
        return new OrderLineRecord(rs.getInt("line_no"), new SkuId(rs.getLong("sku_id")), rs.getString("sku_code"),
                new ProductId(rs.getLong("product_id")), rs.getString("title"), rs.getString("spec"),
                rs.getInt("quantity"), money(rs, "unit_price"), money(rs, "discount_amount"),
                money(rs, "payable_amount"), money(rs, "cost_price"), new WarehouseId(rs.getLong("warehouse_id")),
                money(rs, "refunded_amount"), rs.getInt("returned_quantity"));
    }

    static AllocationRecord allocation(ResultSet rs, int row) throws SQLException {
        long shipmentId = rs.getLong("shipment_id");
        Long shipment = rs.wasNull() ? null : shipmentId;
        return new AllocationRecord(new WarehouseId(rs.getLong("warehouse_id")),
                new ReservationId(rs.getLong("reservation_id")), shipment,
                AllocationRecord.Status.valueOf(rs.getString("status")), rs.getString("carrier"),
                rs.getString("tracking_number"), SqlTime.instant(rs, "dispatched_at"),
                SqlTime.instant(rs, "delivered_at"));
    }

    private static Money money(ResultSet rs, String column) throws SQLException {
        return money(rs, column, Currency.getInstance(rs.getString("currency").trim()));
    }

    private static Money money(ResultSet rs, String column, Currency currency) throws SQLException {
        BigDecimal amount = rs.getBigDecimal(column);
        return Money.of(amount, currency);
    }
}
