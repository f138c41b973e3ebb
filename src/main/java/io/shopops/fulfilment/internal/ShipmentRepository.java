package io.shopops.fulfilment.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.shopops.catalog.SkuId;
import io.shopops.fulfilment.CostBasis;
import io.shopops.fulfilment.Destination;
import io.shopops.fulfilment.ExceptionReason;
import io.shopops.fulfilment.Punctuality;
import io.shopops.fulfilment.ShipmentId;
import io.shopops.fulfilment.ShipmentQuery;
import io.shopops.fulfilment.ShipmentStatus;
import io.shopops.fulfilment.ShipmentStep;
import io.shopops.fulfilment.ShipmentView;
import io.shopops.fulfilment.ShippingMethod;
import io.shopops.inventory.ReservationId;
import io.shopops.inventory.WarehouseId;
import io.shopops.shared.Money;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.persistence.Batches;
import io.shopops.shared.persistence.SqlTime;
import io.shopops.shared.privacy.PersonalData;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Shipments, their lines and steps. The recipient's name, phone and detail address are encrypted on the way in
 * and decrypted on the way out: no other code sees the stored form. Every status change is a conditional UPDATE
 * from the statuses that allow it, checked by its row count, so that of two members (or a member and a carrier)
 * racing for the same move exactly one makes it.
 */
@Repository
public class ShipmentRepository {

    /** Not yet delivered, failed or cancelled. */
    private static final String OPEN = "('CREATED', 'PICKING', 'PACKED', 'DISPATCHED', 'IN_TRANSIT')";
    private static final String WITH_CARRIER = "('DISPATCHED', 'IN_TRANSIT')";

    /**
     * Late: delivered after its promise, or still open and past it. With {@link #STUCK} the one definition of both
     * (docs/metrics.md), used for the flags of every shipment read and for the filters alike.
     */
    static final String LATE = "((s.status = 'DELIVERED' AND s.on_time = FALSE) OR (s.status IN " + OPEN
            + " AND s.promised_at < :now))";

    /** Stuck: with the carrier, and nothing heard since dispatch or the latest tracking event for too long. */
    static final String STUCK = "(s.status IN " + WITH_CARRIER + " AND s.last_activity_at < :stuckBefore)";

    private static final String SELECT = "SELECT s.*, " + LATE + " AS late, " + STUCK + " AS stuck FROM shipment s";

    /** The most ids one IN list holds. */
    static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final PersonalData personalData;

    ShipmentRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch, PersonalData personalData) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.personalData = personalData;
    }

    /** When a shipment is read: its late and stuck flags are judged against these. */
    public record AsOf(Instant now, Instant stuckBefore) {
    }

    public record NewRow(String orderReference, WarehouseId warehouseId, ReservationId reservationId,
            ShippingMethod shippingMethod, Destination destination, Instant promisedAt, String createdBy,
            Instant now) {
    }

    /**
     * Inserts a CREATED shipment. Throws {@link org.springframework.dao.DuplicateKeyException} when another live
     * shipment holds the reservation (unique {@code live_reservation_id}).
     */
    public ShipmentId insert(NewRow row) {
        Destination d = row.destination();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO shipment (order_reference, warehouse_id, reservation_id, live_reservation_id, status,
                                      shipping_method, recipient_name, recipient_phone, detail_address, province, city,
                                      district, postal_code, promised_at, created_at, created_by, updated_at)
                VALUES (:reference, :warehouse, :reservation, :reservation, 'CREATED', :method, :name, :phone, :detail,
                        :province, :city, :district, :postal, :promised, :now, :by, :now)
                """)
                .param("reference", row.orderReference()).param("warehouse", row.warehouseId().value())
                .param("reservation", row.reservationId().value()).param("method", row.shippingMethod().name())
                .param("name", personalData.encrypt(d.recipientName()))
                .param("phone", personalData.encrypt(d.phone()))
                .param("detail", personalData.encrypt(d.detail()))
                .param("province", d.province()).param("city", d.city()).param("district", d.district())
                .param("postal", d.postalCode()).param("promised", SqlTime.utc(row.promisedAt()))
                .param("now", SqlTime.utc(row.now())).param("by", row.createdBy())
                .update(keys, "id");
        return new ShipmentId(keys.getKeyAs(Number.class).longValue());
    }

    /** A shipment of the past with everything it went through, for {@link #insertHistorical}. */
    public record HistoricalRow(String orderReference, WarehouseId warehouseId, ReservationId reservationId,
            ShipmentStatus status, ShippingMethod shippingMethod, Destination destination, Instant promisedAt,
            @Nullable String carrier, @Nullable String trackingNumber, @Nullable Integer weightGrams,
            @Nullable Money cost, @Nullable CostBasis costBasis, @Nullable Instant dispatchedAt,
            @Nullable Instant deliveredAt, @Nullable Boolean onTime, @Nullable Long transitSeconds,
            @Nullable ExceptionReason exceptionReason, @Nullable Instant lastEventAt, @Nullable Instant lastActivityAt,
            Instant createdAt, String createdBy, Instant updatedAt) {
    }

    /** A step of a shipment inserted in bulk. */
    public record StepRow(ShipmentId shipment, ShipmentStatus status, Instant at, String actor, @Nullable String note) {
    }

    /**
     * Inserts shipments of the past in batches (an import of history), their personal data encrypted as always;
     * their ids in input order. A reservation held by another live shipment or a tracking number used before fails
     * the batch on the unique constraints.
     */
    public List<ShipmentId> insertHistorical(List<HistoricalRow> rows) {
        List<MapSqlParameterSource> params = new ArrayList<>(rows.size());
        for (HistoricalRow row : rows) {
            Destination d = row.destination();
            params.add(new MapSqlParameterSource().addValue("reference", row.orderReference())
                    .addValue("warehouse", row.warehouseId().value())
                    .addValue("reservation", row.reservationId().value())
                    .addValue("live", row.status() == ShipmentStatus.CANCELLED ? null : row.reservationId().value())
                    .addValue("status", row.status().name()).addValue("method", row.shippingMethod().name())
                    .addValue("name", personalData.encrypt(d.recipientName()))
                    .addValue("phone", personalData.encrypt(d.phone()))
                    .addValue("detail", personalData.encrypt(d.detail()))
                    .addValue("province", d.province()).addValue("city", d.city()).addValue("district", d.district())
                    .addValue("postal", d.postalCode()).addValue("promised", SqlTime.utc(row.promisedAt()))
                    .addValue("carrier", row.carrier()).addValue("tracking", row.trackingNumber())
                    .addValue("weight", row.weightGrams())
                    .addValue("cost", row.cost() == null ? null : row.cost().amount())
                    .addValue("currency", row.cost() == null ? null : row.cost().currency().getCurrencyCode())
                    .addValue("basis", row.costBasis() == null ? null : row.costBasis().name())
                    .addValue("dispatched", SqlTime.utc(row.dispatchedAt()))
                    .addValue("delivered", SqlTime.utc(row.deliveredAt())).addValue("onTime", row.onTime())
                    .addValue("transit", row.transitSeconds())
                    .addValue("exception", row.exceptionReason() == null ? null : row.exceptionReason().name())
                    .addValue("lastEvent", SqlTime.utc(row.lastEventAt()))
                    .addValue("lastActivity", SqlTime.utc(row.lastActivityAt()))
                    .addValue("created", SqlTime.utc(row.createdAt())).addValue("by", row.createdBy())
                    .addValue("updated", SqlTime.utc(row.updatedAt())));
        }
        return Batches.insertReturningKeys(batch, """
                INSERT INTO shipment (order_reference, warehouse_id, reservation_id, live_reservation_id, status,
                                      shipping_method, recipient_name, recipient_phone, detail_address, province, city,
                                      district, postal_code, promised_at, carrier_code, tracking_number, weight_grams,
                                      cost_amount, cost_currency, cost_basis, dispatched_at, delivered_at, on_time,
                                      transit_seconds, exception_reason, last_event_at, last_activity_at, created_at,
                                      created_by, updated_at)
                VALUES (:reference, :warehouse, :reservation, :live, :status, :method, :name, :phone, :detail,
                        :province, :city, :district, :postal, :promised, :carrier, :tracking, :weight, :cost, :currency,
                        :basis, :dispatched, :delivered, :onTime, :transit, :exception, :lastEvent, :lastActivity,
                        :created, :by, :updated)
                """, "id", params).stream().map(ShipmentId::new).toList();
    }

    /** A line of a shipment inserted in bulk. */
    public record LineRow(ShipmentId shipment, int lineNo, SkuId skuId, int quantity) {
    }

    public void insertLines(List<LineRow> rows) {
        Batches.insert(batch, "INSERT INTO shipment_line (shipment_id, line_no, sku_id, quantity) VALUES (:id, :no, :sku, :q)",
                rows.stream().map(row -> new MapSqlParameterSource().addValue("id", row.shipment().value())
                        .addValue("no", row.lineNo()).addValue("sku", row.skuId().value())
                        .addValue("q", row.quantity())).toList());
    }

    public void insertSteps(List<StepRow> rows) {
        Batches.insert(batch, "INSERT INTO shipment_step (shipment_id, status, at, actor, note) VALUES (:id, :status, :at, :actor, :note)",
                rows.stream().map(row -> new MapSqlParameterSource().addValue("id", row.shipment().value())
                        .addValue("status", row.status().name()).addValue("at", SqlTime.utc(row.at()))
                        .addValue("actor", row.actor()).addValue("note", row.note())).toList());
    }

    /** Which of these reservations a shipment that is not cancelled holds already, in batches of 500. */
    public Set<ReservationId> reservationsLive(Collection<ReservationId> reservations) {
        Set<ReservationId> live = new java.util.HashSet<>();
        for (List<Long> chunk : Batches.chunks(reservations.stream().map(ReservationId::value).toList(), BATCH)) {
            jdbc.sql("SELECT live_reservation_id FROM shipment WHERE live_reservation_id IN (:ids)")
                    .param("ids", chunk).query(Long.class).list().forEach(id -> live.add(new ReservationId(id)));
        }
        return live;
    }

    /** Which of these tracking numbers the carrier's shipments use already, in batches of 500. */
    public Set<String> trackingNumbersTaken(String carrier, Collection<String> trackingNumbers) {
        Set<String> taken = new java.util.HashSet<>();
        for (List<String> chunk : Batches.chunks(List.copyOf(trackingNumbers), BATCH)) {
            taken.addAll(jdbc.sql("SELECT tracking_number FROM shipment WHERE carrier_code = :c AND tracking_number IN (:t)")
                    .param("c", carrier).param("t", chunk).query(String.class).list());
        }
        return taken;
    }

    public void insertLines(ShipmentId id, List<ShipmentView.Line> lines) {
        String sql = "INSERT INTO shipment_line (shipment_id, line_no, sku_id, quantity) VALUES (:id, :no, :sku, :q)";
        MapSqlParameterSource[] rows = new MapSqlParameterSource[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            rows[i] = new MapSqlParameterSource().addValue("id", id.value()).addValue("no", i)
                    .addValue("sku", lines.get(i).skuId().value()).addValue("q", lines.get(i).quantity());
        }
        batch.batchUpdate(sql, rows);
    }

    public boolean reservationIsLive(ReservationId reservation) {
        return jdbc.sql("SELECT COUNT(*) FROM shipment WHERE live_reservation_id = :r")
                .param("r", reservation.value()).query(Long.class).single() > 0;
    }

    public boolean trackingNumberTaken(String carrier, String trackingNumber) {
        return jdbc.sql("SELECT COUNT(*) FROM shipment WHERE carrier_code = :c AND tracking_number = :t")
                .param("c", carrier).param("t", trackingNumber).query(Long.class).single() > 0;
    }

    public Optional<ShipmentId> byTrackingNumber(String carrier, String trackingNumber) {
        return jdbc.sql("SELECT id FROM shipment WHERE carrier_code = :c AND tracking_number = :t")
                .param("c", carrier).param("t", trackingNumber).query(Long.class).optional().map(ShipmentId::new);
    }

    // --- status changes: each a conditional UPDATE, true when it happened ----------------------------------------

    /** Moves the shipment to {@code to} if it is in one of {@code from}. */
    public boolean move(ShipmentId id, Set<ShipmentStatus> from, ShipmentStatus to, Instant now) {
        return jdbc.sql("UPDATE shipment SET status = :to, updated_at = :now WHERE id = :id AND status IN (:from)")
                .param("to", to.name()).param("now", SqlTime.utc(now)).param("id", id.value())
                .param("from", from.stream().map(Enum::name).toList())
                .update() == 1;
    }

    /** PACKED → DISPATCHED with the carrier, tracking number and cost. */
    public boolean dispatch(ShipmentId id, String carrier, String trackingNumber, @Nullable Integer weightGrams,
            Money cost, CostBasis basis, Instant now) {
        return jdbc.sql("""
                UPDATE shipment SET status = 'DISPATCHED', carrier_code = :carrier, tracking_number = :tracking,
                                    weight_grams = :weight, cost_amount = :cost, cost_currency = :currency,
                                    cost_basis = :basis, dispatched_at = :now, last_activity_at = :now,
                                    updated_at = :now
                WHERE id = :id AND status = 'PACKED'
                """)
                .param("carrier", carrier).param("tracking", trackingNumber).param("weight", weightGrams)
                .param("cost", cost.amount()).param("currency", cost.currency().getCurrencyCode())
                .param("basis", basis.name()).param("now", SqlTime.utc(now)).param("id", id.value())
                .update() == 1;
    }

    /** CREATED, PICKING or PACKED → CANCELLED; the reservation is no longer this shipment's. */
    public boolean cancel(ShipmentId id, Instant now) {
        return jdbc.sql("""
                UPDATE shipment SET status = 'CANCELLED', live_reservation_id = NULL, updated_at = :now
                WHERE id = :id AND status IN ('CREATED', 'PICKING', 'PACKED')
                """)
                .param("now", SqlTime.utc(now)).param("id", id.value())
                .update() == 1;
    }

    /** DISPATCHED or IN_TRANSIT → DELIVERED, signed for at {@code deliveredAt}. */
    public boolean deliver(ShipmentId id, Instant deliveredAt, Punctuality punctuality, long transitSeconds,
            Instant now) {
        return jdbc.sql("UPDATE shipment SET status = 'DELIVERED', delivered_at = :delivered, on_time = :onTime, "
                        + "transit_seconds = :transit, updated_at = :now WHERE id = :id AND status IN " + WITH_CARRIER)
                .param("delivered", SqlTime.utc(deliveredAt)).param("onTime", punctuality == Punctuality.ON_TIME)
                .param("transit", transitSeconds).param("now", SqlTime.utc(now)).param("id", id.value())
                .update() == 1;
    }

    /** DISPATCHED or IN_TRANSIT → EXCEPTION for the reason. */
    public boolean fail(ShipmentId id, ExceptionReason reason, Instant now) {
        return jdbc.sql("UPDATE shipment SET status = 'EXCEPTION', exception_reason = :reason, updated_at = :now "
                        + "WHERE id = :id AND status IN " + WITH_CARRIER)
                .param("reason", reason.name()).param("now", SqlTime.utc(now)).param("id", id.value())
                .update() == 1;
    }

    /** A tracking event at {@code occurredAt} was recorded: the latest event and activity move forward only. */
    public void tracked(ShipmentId id, Instant occurredAt, Instant now) {
        jdbc.sql("""
                UPDATE shipment
                SET last_event_at = CASE WHEN last_event_at IS NULL OR last_event_at < :at THEN :at
                                         ELSE last_event_at END,
                    last_activity_at = CASE WHEN last_activity_at < :at THEN :at ELSE last_activity_at END,
                    updated_at = :now
                WHERE id = :id
                """)
                .param("at", SqlTime.utc(occurredAt)).param("now", SqlTime.utc(now)).param("id", id.value())
                .update();
    }

    public void addStep(ShipmentId id, ShipmentStatus status, Instant at, String actor, @Nullable String note) {
        jdbc.sql("INSERT INTO shipment_step (shipment_id, status, at, actor, note) VALUES (:id, :status, :at, :actor, :note)")
                .param("id", id.value()).param("status", status.name()).param("at", SqlTime.utc(at))
                .param("actor", actor).param("note", note)
                .update();
    }

    public List<ShipmentStep> steps(ShipmentId id) {
        return jdbc.sql("SELECT status, at, actor, note FROM shipment_step WHERE shipment_id = :id ORDER BY id")
                .param("id", id.value())
                .query((rs, n) -> new ShipmentStep(ShipmentStatus.valueOf(rs.getString("status")),
                        SqlTime.requiredInstant(rs, "at"), rs.getString("actor"), rs.getString("note")))
                .list();
    }

    // --- reading ----------------------------------------------------------------------------------------------

    public Optional<ShipmentView> find(ShipmentId id, AsOf asOf) {
        List<Header> headers = jdbc.sql(SELECT + " WHERE s.id = :id")
                .param("id", id.value()).param("now", SqlTime.utc(asOf.now()))
                .param("stuckBefore", SqlTime.utc(asOf.stuckBefore()))
                .query(this::header).list();
        return headers.stream().findFirst().map(h -> h.withLines(lines(List.of(h.id())).getOrDefault(h.id(), List.of())));
    }

    /** Shipments matching the query, newest first. */
    public Page<ShipmentView> find(ShipmentQuery query, AsOf asOf, PageQuery page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (query.status() != null) {
            where.append(" AND s.status = :status");
            params.put("status", query.status().name());
        }
        if (query.warehouseId() != null) {
            where.append(" AND s.warehouse_id = :warehouse");
            params.put("warehouse", query.warehouseId().value());
        }
        if (query.carrier() != null) {
            where.append(" AND s.carrier_code = :carrier");
            params.put("carrier", query.carrier());
        }
        if (query.orderReference() != null) {
            where.append(" AND s.order_reference = :reference");
            params.put("reference", query.orderReference());
        }
        if (query.late()) {
            where.append(" AND ").append(LATE);
        }
        if (query.stuck()) {
            where.append(" AND ").append(STUCK);
        }
        return page(where.toString(), " ORDER BY s.id DESC", params, asOf, page);
    }

    /** Open shipments that are late or stuck now, the longest overdue first. */
    public Page<ShipmentView> lateOrStuck(AsOf asOf, PageQuery page) {
        return page(" WHERE s.status IN " + OPEN + " AND (" + LATE + " OR " + STUCK + ")",
                " ORDER BY s.promised_at, s.id", Map.of(), asOf, page);
    }

    private Page<ShipmentView> page(String where, String order, Map<String, Object> params, AsOf asOf,
            PageQuery page) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("now", SqlTime.utc(asOf.now()));
        all.put("stuckBefore", SqlTime.utc(asOf.stuckBefore()));
        long total = jdbc.sql("SELECT COUNT(*) FROM shipment s" + where).params(all).query(Long.class).single();
        List<Header> headers = jdbc.sql(SELECT + where + order + " LIMIT :limit OFFSET :offset")
                .params(all).param("limit", page.size()).param("offset", page.offset())
                .query(this::header).list();
        Map<ShipmentId, List<ShipmentView.Line>> lines = lines(headers.stream().map(Header::id).toList());
        return Page.of(headers.stream().map(h -> h.withLines(lines.getOrDefault(h.id(), List.of()))).toList(), page,
                total);
    }

    /** The lines of the given shipments (at most {@link #BATCH} per statement). */
    public Map<ShipmentId, List<ShipmentView.Line>> lines(Collection<ShipmentId> ids) {
        Map<ShipmentId, List<ShipmentView.Line>> lines = new HashMap<>();
        List<Long> all = ids.stream().map(ShipmentId::value).distinct().toList();
        for (int from = 0; from < all.size(); from += BATCH) {
            jdbc.sql("SELECT shipment_id, sku_id, quantity FROM shipment_line WHERE shipment_id IN (:ids) "
                            + "ORDER BY shipment_id, line_no")
                    .param("ids", all.subList(from, Math.min(all.size(), from + BATCH)))
                    .query(rs -> {
                        lines.computeIfAbsent(new ShipmentId(rs.getLong("shipment_id")), k -> new ArrayList<>())
                                .add(new ShipmentView.Line(new SkuId(rs.getLong("sku_id")), rs.getInt("quantity")));
                    });
        }
        return lines;
    }

    // --- pick lists -------------------------------------------------------------------------------------------

    public record ToPick(ShipmentId id, String orderReference, ShipmentStatus status, Instant promisedAt) {
    }

    public long countToPick(WarehouseId warehouse) {
        return jdbc.sql("SELECT COUNT(*) FROM shipment WHERE warehouse_id = :w AND status IN ('CREATED', 'PICKING')")
                .param("w", warehouse.value()).query(Long.class).single();
    }

    /** The warehouse's CREATED and PICKING shipments, earliest promise first. */
    public List<ToPick> toPick(WarehouseId warehouse, int limit) {
        return jdbc.sql("""
                SELECT id, order_reference, status, promised_at FROM shipment
                WHERE warehouse_id = :w AND status IN ('CREATED', 'PICKING')
                ORDER BY promised_at, id LIMIT :limit
                """)
                .param("w", warehouse.value()).param("limit", limit)
                .query((rs, n) -> new ToPick(new ShipmentId(rs.getLong("id")), rs.getString("order_reference"),
                        ShipmentStatus.valueOf(rs.getString("status")), SqlTime.requiredInstant(rs, "promised_at")))
                .list();
    }

    // --- delivery performance ---------------------------------------------------------------------------------

    /** Sums over the shipments delivered in [from, to), per carrier; costs in {@code currency} only. */
    public record DeliveredSums(String carrier, long delivered, long onTime, long transitSeconds, BigDecimal cost) {
    }

    public List<DeliveredSums> deliveredSums(Instant from, Instant to, Currency currency) {
        return jdbc.sql("""
                SELECT carrier_code, COUNT(*) AS delivered,
                       SUM(CASE WHEN on_time THEN 1 ELSE 0 END) AS on_time,
                       SUM(transit_seconds) AS transit,
                       SUM(CASE WHEN cost_currency = :currency THEN cost_amount ELSE 0 END) AS cost
                FROM shipment
                WHERE status = 'DELIVERED' AND delivered_at >= :from AND delivered_at < :to
                GROUP BY carrier_code ORDER BY carrier_code
                """)
                .param("from", SqlTime.utc(from)).param("to", SqlTime.utc(to))
                .param("currency", currency.getCurrencyCode())
                .query((rs, n) -> new DeliveredSums(rs.getString("carrier_code"), rs.getLong("delivered"),
                        rs.getLong("on_time"), rs.getLong("transit"), rs.getBigDecimal("cost")))
                .list();
    }

    // --- mapping ----------------------------------------------------------------------------------------------

    private record Header(ShipmentId id, String orderReference, WarehouseId warehouseId, ReservationId reservationId,
            ShipmentStatus status, ShippingMethod shippingMethod, Destination destination, Instant promisedAt,
            @Nullable String carrier, @Nullable String trackingNumber, @Nullable Integer weightGrams,
            @Nullable Money cost, @Nullable CostBasis costBasis, @Nullable Instant dispatchedAt,
            @Nullable Instant deliveredAt, @Nullable Punctuality punctuality, @Nullable ExceptionReason exceptionReason,
            @Nullable Instant lastEventAt, boolean late, boolean stuck, Instant createdAt, String createdBy,
            Instant updatedAt) {

        ShipmentView withLines(List<ShipmentView.Line> lines) {
            return new ShipmentView(id, orderReference, warehouseId, reservationId, status, shippingMethod, lines,
                    destination, promisedAt, carrier, trackingNumber, weightGrams, cost, costBasis, dispatchedAt,
                    deliveredAt, punctuality, exceptionReason, lastEventAt, late, stuck, createdAt, createdBy,
                    updatedAt);
        }
    }

    private Header header(ResultSet rs, int row) throws SQLException {
        Destination destination = new Destination(personalData.decrypt(rs.getString("recipient_name")),
                personalData.decrypt(rs.getString("recipient_phone")), rs.getString("province"),
                rs.getString("city"), rs.getString("district"), personalData.decrypt(rs.getString("detail_address")),
                rs.getString("postal_code"));
        BigDecimal costAmount = rs.getBigDecimal("cost_amount");
        Money cost = costAmount == null ? null
                : Money.of(costAmount, Currency.getInstance(rs.getString("cost_currency").trim()));
        int weight = rs.getInt("weight_grams");
        Integer weightGrams = rs.wasNull() ? null : weight;
        boolean onTime = rs.getBoolean("on_time");
        Punctuality punctuality = rs.wasNull() ? null : onTime ? Punctuality.ON_TIME : Punctuality.LATE;
        return new Header(new ShipmentId(rs.getLong("id")), rs.getString("order_reference"),
                new WarehouseId(rs.getLong("warehouse_id")), new ReservationId(rs.getLong("reservation_id")),
                ShipmentStatus.valueOf(rs.getString("status")), ShippingMethod.valueOf(rs.getString("shipping_method")),
                destination, SqlTime.requiredInstant(rs, "promised_at"), rs.getString("carrier_code"),
                rs.getString("tracking_number"), weightGrams, cost, enumOrNull(CostBasis.class, rs.getString("cost_basis")),
                SqlTime.instant(rs, "dispatched_at"), SqlTime.instant(rs, "delivered_at"), punctuality,
                enumOrNull(ExceptionReason.class, rs.getString("exception_reason")), SqlTime.instant(rs, "last_event_at"),
                rs.getBoolean("late"), rs.getBoolean("stuck"), SqlTime.requiredInstant(rs, "created_at"),
                rs.getString("created_by"), SqlTime.requiredInstant(rs, "updated_at"));
    }

    private static <E extends Enum<E>> @Nullable E enumOrNull(Class<E> type, @Nullable String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
