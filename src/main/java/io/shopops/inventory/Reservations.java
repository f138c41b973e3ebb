package io.shopops.inventory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.shopops.audit.AuditLog;
import io.shopops.catalog.Catalog;
import io.shopops.catalog.SkuId;
import io.shopops.catalog.SkuRef;
import io.shopops.inventory.internal.InventoryProperties;
import io.shopops.inventory.internal.LedgerRepository;
import io.shopops.inventory.internal.LedgerRepository.Entry;
import io.shopops.inventory.internal.ReservationRepository;
import io.shopops.inventory.internal.StockRepository;
import io.shopops.inventory.internal.WarehouseRepository;
import io.shopops.shared.Actor;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.ConflictException;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.Violations;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static io.shopops.inventory.InventorySupport.actor;
import static io.shopops.inventory.InventorySupport.checkQuantity;

/**
 * Stock held for a reference (an order), all lines or none, until it ships, is released or its time runs out.
 * Each reservation ends exactly once: the status UPDATE from ACTIVE is the gate. On the hot path the row lock on
 * a stock row is taken last: inserts first, then the conditional stock UPDATE, whose row count says whether the
 * units were there. Changes made by staff are recorded in the audit log; those made by the system (other
 * modules, the expiry job) are in the ledger only.
 */
@Service
public class Reservations {

    /** The most lines one reservation may hold. */
    public static final int MAX_LINES = 200;

    private static final Logger log = LoggerFactory.getLogger(Reservations.class);

    private final ReservationRepository reservations;
    private final StockRepository stock;
    private final LedgerRepository ledger;
    private final WarehouseRepository warehouses;
    private final Catalog catalog;
    private final AuditLog audit;
    private final InventoryProperties properties;
    private final InventorySupport support;
    private final TransactionTemplate transactions;

    Reservations(ReservationRepository reservations, StockRepository stock, LedgerRepository ledger,
            WarehouseRepository warehouses, Catalog catalog, AuditLog audit, InventoryProperties properties,
            InventorySupport support, PlatformTransactionManager transactionManager) {
        this.reservations = reservations;
        this.stock = stock;
        this.ledger = ledger;
        this.warehouses = warehouses;
        this.catalog = catalog;
        this.audit = audit;
        this.properties = properties;
        this.support = support;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Holds stock for a reference, all lines or none (RESERVE entries). Refused with 422
     * {@code insufficient-stock} naming the line that could not be held and what is available there, with 409
     * while the reference already has an active reservation.
     *
     * <p>The row lock on a stock row is what serialises buyers of the same SKU, so it is taken last: the
     * reservation, its lines and its ledger entries are inserted first, then one conditional UPDATE per line (in
     * SKU and warehouse order, so that reservations of the same SKUs cannot deadlock), and the transaction commits.
     * SKUs are checked against the catalog when a line fails: a stock row exists only for SKUs the catalog knew
     * when their stock was received, so a line that succeeded names a known SKU.
     */
    @Transactional
    public ReservationView reserve(NewReservation reservation) {
        Violations v = new Violations();
        v.text("reference", reservation.reference(), true, 64);
        List<ReservationLine> requested = reservation.lines() == null ? List.of() : reservation.lines();
        if (requested.isEmpty()) {
            v.add("lines", "must contain at least one line");
        } else if (requested.size() > MAX_LINES) {
            v.add("lines", "must contain at most " + MAX_LINES + " lines");
        } else {
            for (int i = 0; i < requested.size(); i++) {
                ReservationLine line = requested.get(i);
                Violations at = v.nested("lines[" + i + "]");
                if (line == null) {
                    at.add("skuId", "is required");
                    continue;
                }
                at.check(line.skuId() != null, "skuId", "is required");
                at.check(line.warehouseId() != null, "warehouseId", "is required");
                checkQuantity(at, "quantity", line.quantity());
            }
        }
        Duration ttl = reservation.timeToLive() == null ? properties.reservationTtl() : reservation.timeToLive();
        v.check(!ttl.isNegative() && !ttl.isZero() && ttl.compareTo(properties.maxReservationTtl()) <= 0,
                "timeToLive", "must be positive and at most " + properties.maxReservationTtl());
        v.throwIfAny();

        String reference = reservation.reference().trim();
        Actor actor = actor();
        Instant now = support.now();
        List<ReservationView.Line> lines = requested.stream()
                .map(l -> new ReservationView.Line(l.skuId(), l.warehouseId(), l.quantity())).toList();
        ReservationId id;
        try {
            id = reservations.insert(reference, now.plus(ttl), actor.username(), now);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("reference", "already has an active reservation");
        }
        reservations.insertLines(id, lines);
        ledger.appendAll(lines.stream().map(l -> new Entry(l.skuId(), l.warehouseId(), MovementType.RESERVE, 0,
                l.quantity(), null, reference, null, id)).toList(), actor.username(), now);
        ReservationView created = new ReservationView(id, reference, ReservationStatus.ACTIVE, lines, now.plus(ttl),
                now, actor.username(), null, null);
        if (actor.staffId() != null) {
            audit.record("RESERVATION_CREATED", "reservation", id, reference, null, created);
        }
        for (int index : inStockOrder(lines)) {
            ReservationView.Line line = lines.get(index);
            if (!stock.reserve(line.skuId(), line.warehouseId(), line.quantity())) {
                throw refusedLine(lines, index);
            }
        }
        return created;
    }

    /** The most reservations one import may carry. */
    public static final int MAX_IMPORT = 200_000;

    /**
     * Records reservations that ended before ShopOps kept this shop's stock (an import of order history), in JDBC
     * batches, and answers their ids in input order. They are records only: no ledger entry is written and no stock
     * row changes, because the stock on hand today is counted after them (the ledger starts with today's receipts),
     * so the reconciliation of ledger and stock is untouched. Only ended reservations are imported: stock that an
     * open order still holds is reserved with {@link #reserve}.
     *
     * <p>Refused with 400 naming the field ({@code reservations[2].lines[0].warehouseId}) for bad input, an ACTIVE
     * status, or a SKU or warehouse the shop does not know; nothing is written then. No event is published; one audit
     * entry records the import.
     */
    @Transactional
    public List<ReservationId> importHistorical(List<HistoricalReservation> imported) {
        Violations v = new Violations();
        if (imported.isEmpty()) {
            v.add("reservations", "must contain at least one reservation");
        } else if (imported.size() > MAX_IMPORT) {
            v.add("reservations", "must contain at most " + MAX_IMPORT + " reservations");
        }
        v.throwIfAny();
        Instant now = support.now();
        Set<SkuId> skus = new HashSet<>();
        Set<WarehouseId> warehouseIds = new HashSet<>();
        for (int i = 0; i < imported.size(); i++) {
            HistoricalReservation reservation = imported.get(i);
            Violations at = v.nested("reservations[" + i + "]");
            if (reservation == null) {
                at.add("reference", "is required");
                continue;
            }
            at.text("reference", reservation.reference(), true, 64);
            if (reservation.status() == null) {
                at.add("status", "is required");
            } else {
                at.check(reservation.status() != ReservationStatus.ACTIVE, "status",
                        "must be SHIPPED, RELEASED or EXPIRED: stock still held is reserved, not imported");
            }
            at.check(reservation.createdAt() != null, "createdAt", "is required");
            if (reservation.closedAt() == null) {
                at.add("closedAt", "is required");
            } else if (reservation.closedAt().isAfter(now)) {
                at.add("closedAt", "must not be in the future");
            } else if (reservation.createdAt() != null && reservation.closedAt().isBefore(reservation.createdAt())) {
                at.add("closedAt", "must not be before createdAt");
            }
            List<ReservationLine> lines = reservation.lines() == null ? List.of() : reservation.lines();
            if (lines.isEmpty()) {
                at.add("lines", "must contain at least one line");
            } else if (lines.size() > MAX_LINES) {
                at.add("lines", "must contain at most " + MAX_LINES + " lines");
            }
            for (int l = 0; l < lines.size() && lines.size() <= MAX_LINES; l++) {
                ReservationLine line = lines.get(l);
                Violations lineAt = at.nested("lines[" + l + "]");
                if (line == null) {
                    lineAt.add("skuId", "is required");
                    continue;
                }
                if (line.skuId() == null) {
                    lineAt.add("skuId", "is required");
                } else {
                    skus.add(line.skuId());
                }
                if (line.warehouseId() == null) {
                    lineAt.add("warehouseId", "is required");
                } else {
                    warehouseIds.add(line.warehouseId());
                }
                checkQuantity(lineAt, "quantity", line.quantity());
            }
        }
        v.throwIfAny();
        Set<SkuId> knownSkus = catalog.skus(skus).keySet();
        Set<WarehouseId> knownWarehouses = new HashSet<>();
        warehouseIds.forEach(id -> warehouses.find(id).ifPresent(w -> knownWarehouses.add(id)));
        for (int i = 0; i < imported.size(); i++) {
            List<ReservationLine> lines = imported.get(i).lines();
            for (int l = 0; l < lines.size(); l++) {
                ReservationLine line = lines.get(l);
                if (!knownSkus.contains(line.skuId())) {
                    v.add("reservations[" + i + "].lines[" + l + "].skuId", "SKU " + line.skuId() + " does not exist");
                }
                if (!knownWarehouses.contains(line.warehouseId())) {
                    v.add("reservations[" + i + "].lines[" + l + "].warehouseId",
                            "Warehouse " + line.warehouseId() + " does not exist");
                }
            }
        }
        v.throwIfAny();
        String actor = actor().username();
        List<ReservationId> ids = reservations.insertClosed(imported.stream()
                .map(r -> new ReservationRepository.ClosedRow(r.reference().trim(), r.status(), r.createdAt(),
                        r.closedAt(), actor))
                .toList());
        List<ReservationRepository.LineRow> lines = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            List<ReservationLine> of = imported.get(i).lines();
            for (int l = 0; l < of.size(); l++) {
                lines.add(new ReservationRepository.LineRow(ids.get(i), l, of.get(l).skuId(), of.get(l).warehouseId(),
                        of.get(l).quantity()));
            }
        }
        reservations.insertLines(lines);
        audit.record("RESERVATIONS_IMPORTED", "reservation", null,
                ids.size() + " ended reservations of imported orders recorded (stock unchanged)", null, null);
        return ids;
    }

    /** Why a line could not be held: an unknown SKU or warehouse (400), or not enough available (422). */
    private RuntimeException refusedLine(List<ReservationView.Line> lines, int failed) {
        Map<SkuId, SkuRef> known = catalog.skus(lines.stream().map(ReservationView.Line::skuId).toList());
        for (int i = 0; i < lines.size(); i++) {
            if (!known.containsKey(lines.get(i).skuId())) {
                return NotFoundException.reference("lines[" + i + "].skuId", "SKU", lines.get(i).skuId());
            }
            if (warehouses.find(lines.get(i).warehouseId()).isEmpty()) {
                return NotFoundException.reference("lines[" + i + "].warehouseId", "Warehouse",
                        lines.get(i).warehouseId());
            }
        }
        ReservationView.Line line = lines.get(failed);
        long available = stock.level(line.skuId(), line.warehouseId()).available();
        return new BusinessRuleException("insufficient-stock", "lines[" + failed + "].quantity",
                "only %d available of SKU %s in warehouse %s".formatted(Math.max(0, available),
                        known.get(line.skuId()).skuCode(), line.warehouseId()));
    }

    private static List<Integer> inStockOrder(List<ReservationView.Line> lines) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingLong(i -> lines.get(i).skuId().value())
                .thenComparingLong(i -> lines.get(i).warehouseId().value()).thenComparingInt(i -> i));
        return order;
    }

    /** Gives an ACTIVE reservation's units back (RELEASE); 422 if it is no longer active. */
    @Transactional
    public ReservationView release(ReservationId id) {
        return close(id, ReservationStatus.RELEASED, support.now());
    }

    /** The reserved units leave the warehouse (SHIP: on hand and reserved both go down); 422 if not ACTIVE. */
    @Transactional
    public ReservationView ship(ReservationId id) {
        return close(id, ReservationStatus.SHIPPED, support.now());
    }

    /**
     * Ends the reservation exactly once: the status UPDATE from ACTIVE is the gate, and only the transaction that
     * passed it touches the stock rows, so a release, a shipment and an expiry racing for it count once.
     */
    private ReservationView close(ReservationId id, ReservationStatus status, Instant now) {
        Actor actor = status == ReservationStatus.EXPIRED ? Actor.SYSTEM : actor();
        if (!reservations.close(id, status, actor.username(), now)) {
            ReservationView current = reservations.find(id).orElseThrow(() -> NotFoundException.of("Reservation", id));
            throw new BusinessRuleException("reservation-not-active",
                    "Reservation %s is %s and can no longer be %s".formatted(id, current.status(),
                            status.name().toLowerCase(Locale.ROOT)));
        }
        ReservationView closed = reservations.find(id).orElseThrow();
        boolean shipped = status == ReservationStatus.SHIPPED;
        String reason = status == ReservationStatus.EXPIRED ? "expired" : null;
        ledger.appendAll(closed.lines().stream().map(l -> new Entry(l.skuId(), l.warehouseId(),
                shipped ? MovementType.SHIP : MovementType.RELEASE, shipped ? -l.quantity() : 0, -l.quantity(), reason,
                closed.reference(), null, id)).toList(), actor.username(), now);
        if (actor.staffId() != null) {
            ReservationView before = new ReservationView(id, closed.reference(), ReservationStatus.ACTIVE,
                    closed.lines(), closed.expiresAt(), closed.createdAt(), closed.createdBy(), null, null);
            audit.record(shipped ? "RESERVATION_SHIPPED" : "RESERVATION_RELEASED", "reservation", id,
                    closed.reference(), before, closed);
        }
        for (int index : inStockOrder(closed.lines())) {
            ReservationView.Line line = closed.lines().get(index);
            boolean done = shipped ? stock.ship(line.skuId(), line.warehouseId(), line.quantity())
                    : stock.unreserve(line.skuId(), line.warehouseId(), line.quantity());
            if (!done) {
                throw new IllegalStateException("Stock of SKU %s in warehouse %s holds less than reservation %s: run the reconciliation"
                        .formatted(line.skuId(), line.warehouseId(), id));
            }
        }
        return closed;
    }

    /**
     * Releases every ACTIVE reservation whose time ran out, each in a transaction of its own, in batches; returns
     * how many this call expired. A reservation released or shipped meanwhile is left alone (the status gate).
     */
    public int expireDue() {
        Instant now = support.now();
        int expired = 0;
        Set<ReservationId> failed = new HashSet<>();
        while (true) {
            List<ReservationId> due = transactions.execute(status -> reservations.due(now,
                    properties.expiryBatchSize() + failed.size()));
            List<ReservationId> pending = due == null ? List.of()
                    : due.stream().filter(id -> !failed.contains(id)).toList();
            if (pending.isEmpty()) {
                return expired;
            }
            for (ReservationId id : pending) {
                try {
                    Boolean done = transactions.execute(status -> expire(id, now));
                    if (Boolean.TRUE.equals(done)) {
                        expired++;
                    }
                } catch (RuntimeException e) {
                    failed.add(id);
                    log.error("Could not expire reservation {}", id, e);
                }
            }
        }
    }

    private boolean expire(ReservationId id, Instant now) {
        try {
            close(id, ReservationStatus.EXPIRED, now);
            return true;
        } catch (BusinessRuleException alreadyClosed) {
            return false;
        }
    }

    /**
     * Holds an ACTIVE reservation until it is shipped or released, whatever its expiry: what a paid order's stock
     * needs. Refused with 422 {@code reservation-not-active} when it already ended (expired, released, shipped).
     */
    @Transactional
    public ReservationView keep(ReservationId id) {
        if (!reservations.keep(id)) {
            ReservationView current = reservations.find(id).orElseThrow(() -> NotFoundException.of("Reservation", id));
            throw new BusinessRuleException("reservation-not-active",
                    "Reservation %s is %s and can no longer be held".formatted(id, current.status()));
        }
        return reservations.find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public ReservationView reservation(ReservationId id) {
        return reservations.find(id).orElseThrow(() -> NotFoundException.of("Reservation", id));
    }

    /** Reservations, filtered by reference and status. */
    @Transactional(readOnly = true)
    public Page<ReservationView> find(@Nullable String reference, @Nullable ReservationStatus status,
            PageQuery page) {
        return reservations.find(reference == null || reference.isBlank() ? null : reference.trim(), status, page);
    }
}
