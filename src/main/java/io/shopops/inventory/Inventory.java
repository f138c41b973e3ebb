package io.shopops.inventory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.shopops.audit.AuditLog;
import io.shopops.catalog.Catalog;
import io.shopops.catalog.SkuId;
import io.shopops.catalog.SkuRef;
import io.shopops.catalog.StockState;
import io.shopops.inventory.internal.InventoryProperties;
import io.shopops.inventory.internal.LedgerRepository;
import io.shopops.inventory.internal.LedgerRepository.Entry;
import io.shopops.inventory.internal.ReservationRepository;
import io.shopops.inventory.internal.StockRepository;
import io.shopops.inventory.internal.WarehouseRepository;
import io.shopops.shared.Actor;
import io.shopops.shared.Actors;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.ConflictException;
import io.shopops.shared.Money;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.ShopProperties;
import io.shopops.shared.Violations;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inventory's facade: one method per use case. Every change of on hand or reserved writes the ledger in the
 * same transaction, and the rule that available stock never goes below zero is checked by the database (a
 * conditional UPDATE and its row count, backed by CHECK constraints), never by reading a quantity first.
 * Changes made by staff are recorded in the audit log; those made by the system (other modules, the expiry
 * job) are in the ledger only.
 */
@Service
public class Inventory {

    /** The largest quantity one operation may move. */
    public static final int MAX_QUANTITY = 1_000_000;
    /** The most lines one reservation may hold. */
    public static final int MAX_LINES = 200;

    private static final Logger log = LoggerFactory.getLogger(Inventory.class);

    private final WarehouseRepository warehouses;
    private final StockRepository stock;
    private final LedgerRepository ledger;
    private final ReservationRepository reservations;
    private final Catalog catalog;
    private final AuditLog audit;
    private final InventoryProperties properties;
    private final ShopProperties shop;
    private final Clock clock;
    private final TransactionTemplate transactions;

    Inventory(WarehouseRepository warehouses, StockRepository stock, LedgerRepository ledger,
            ReservationRepository reservations, Catalog catalog, AuditLog audit, InventoryProperties properties,
            ShopProperties shop, Clock clock, PlatformTransactionManager transactionManager) {
        this.warehouses = warehouses;
        this.stock = stock;
        this.ledger = ledger;
        this.reservations = reservations;
        this.catalog = catalog;
        this.audit = audit;
        this.properties = properties;
        this.shop = shop;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    // --- warehouses -----------------------------------------------------------------------------------------

    @Transactional
    public WarehouseView createWarehouse(NewWarehouse warehouse) {
        Violations v = new Violations();
        v.code("code", warehouse.code());
        checkWarehouseDetails(v, warehouse.name(), warehouse.region(), warehouse.address());
        v.throwIfAny();
        String code = warehouse.code().trim();
        if (warehouses.existsByCode(code)) {
            throw new ConflictException("code", "is already used by another warehouse");
        }
        WarehouseId id = warehouses.insert(code, warehouse.name().trim(), trimToNull(warehouse.region()),
                trimToNull(warehouse.address()), now());
        WarehouseView created = warehouse(id);
        audit.record("WAREHOUSE_CREATED", "warehouse", id, created.code(), null, created);
        return created;
    }

    @Transactional
    public WarehouseView updateWarehouse(WarehouseId id, WarehouseChange change) {
        Violations v = new Violations();
        checkWarehouseDetails(v, change.name(), change.region(), change.address());
        v.throwIfAny();
        WarehouseView before = warehouse(id);
        if (!warehouses.update(id, change.version(), change.name().trim(), trimToNull(change.region()),
                trimToNull(change.address()), now())) {
            throw new ConflictException("version", "the warehouse was changed by someone else; reload it and try again");
        }
        WarehouseView after = warehouse(id);
        audit.record("WAREHOUSE_UPDATED", "warehouse", id, after.code(), before, after);
        return after;
    }

    /**
     * Closes a warehouse for stock. Refused (422) while it holds stock or reservations: the deactivation takes
     * the warehouse's lock first, and stock only arrives in a warehouse under that lock, so the check is exact.
     */
    @Transactional
    public WarehouseView deactivateWarehouse(WarehouseId id) {
        WarehouseView before = warehouse(id);
        if (!warehouses.deactivate(id, now())) {
            throw new BusinessRuleException("warehouse-inactive", "Warehouse " + before.code() + " is already inactive");
        }
        if (stock.warehouseHoldsStock(id)) {
            throw new BusinessRuleException("warehouse-holds-stock", "Warehouse " + before.code()
                    + " still holds stock or reservations; move or ship them first");
        }
        WarehouseView after = warehouse(id);
        audit.record("WAREHOUSE_DEACTIVATED", "warehouse", id, after.code(), before, after);
        return after;
    }

    @Transactional(readOnly = true)
    public WarehouseView warehouse(WarehouseId id) {
        return warehouses.find(id).orElseThrow(() -> NotFoundException.of("Warehouse", id));
    }

    @Transactional(readOnly = true)
    public Page<WarehouseView> warehouses(boolean includeInactive, PageQuery page) {
        return warehouses.list(includeInactive, page);
    }

    /** Every warehouse, active ones first: for choosers on the console. */
    @Transactional(readOnly = true)
    public List<WarehouseView> allWarehouses() {
        return warehouses.all();
    }

    private static void checkWarehouseDetails(Violations v, @Nullable String name, @Nullable String region,
            @Nullable String address) {
        v.text("name", name, true, 100);
        v.text("region", region, false, 50);
        v.text("address", address, false, 300);
    }

    // --- stock movements ------------------------------------------------------------------------------------

    /** Units arrive in an active warehouse (RECEIPT). */
    @Transactional
    public StockChange receive(Receipt receipt) {
        Violations v = new Violations();
        v.check(receipt.skuId() != null, "skuId", "is required");
        v.check(receipt.warehouseId() != null, "warehouseId", "is required");
        checkQuantity(v, "quantity", receipt.quantity());
        checkNotes(v, receipt.reference(), receipt.reason(), false);
        v.throwIfAny();
        return addToStock(receipt.skuId(), receipt.warehouseId(), receipt.quantity(), MovementType.RECEIPT,
                receipt.reference(), receipt.reason(), "STOCK_RECEIVED");
    }

    /** Units a customer sent back go back on hand in an active warehouse (RETURN). */
    @Transactional
    public StockChange returnToStock(StockReturn stockReturn) {
        Violations v = new Violations();
        v.check(stockReturn.skuId() != null, "skuId", "is required");
        v.check(stockReturn.warehouseId() != null, "warehouseId", "is required");
        checkQuantity(v, "quantity", stockReturn.quantity());
        checkNotes(v, stockReturn.reference(), stockReturn.reason(), false);
        v.throwIfAny();
        return addToStock(stockReturn.skuId(), stockReturn.warehouseId(), stockReturn.quantity(), MovementType.RETURN,
                stockReturn.reference(), stockReturn.reason(), "STOCK_RETURNED");
    }

    private StockChange addToStock(SkuId sku, WarehouseId warehouse, int quantity, MovementType type,
            @Nullable String reference, @Nullable String reason, String action) {
        SkuRef ref = requireSku("skuId", sku);
        WarehouseView target = lockActiveWarehouse("warehouseId", warehouse);
        StockLevel before = stock.level(sku, warehouse);
        MovementView movement = ledger.append(new Entry(sku, warehouse, type, quantity, 0, trimToNull(reason),
                trimToNull(reference), null, null), actor().username(), now());
        stock.addOnHand(sku, warehouse, quantity);
        StockLevel after = stock.level(sku, warehouse);
        auditStock(action, ref, target, "%+d".formatted(quantity), before, after);
        return new StockChange(List.of(movement), List.of(after));
    }

    /**
     * Corrects on hand by a delta or to a counted quantity (盘点), with a reason (ADJUSTMENT). Refused (422)
     * where it would leave on hand below what is reserved.
     */
    @Transactional
    public StockChange adjust(Adjustment adjustment) {
        Violations v = new Violations();
        v.check(adjustment.skuId() != null, "skuId", "is required");
        v.check(adjustment.warehouseId() != null, "warehouseId", "is required");
        Integer delta = adjustment.delta();
        Integer counted = adjustment.countedQuantity();
        if ((delta == null) == (counted == null)) {
            v.add("delta", "give either delta or countedQuantity");
        } else if (delta != null) {
            v.check(delta != 0, "delta", "must not be 0");
            v.check(Math.abs((long) delta) <= MAX_QUANTITY, "delta",
                    "must be between -" + MAX_QUANTITY + " and " + MAX_QUANTITY);
        } else {
            v.check(counted >= 0 && counted <= MAX_QUANTITY, "countedQuantity",
                    "must be between 0 and " + MAX_QUANTITY);
        }
        checkNotes(v, adjustment.reference(), adjustment.reason(), true);
        v.throwIfAny();
        SkuId sku = adjustment.skuId();
        WarehouseId warehouse = adjustment.warehouseId();
        SkuRef ref = requireSku("skuId", sku);
        WarehouseView target = lockActiveWarehouse("warehouseId", warehouse);
        StockLevel before = stock.level(sku, warehouse);
        Instant now = now();
        long applied;
        if (delta != null && delta > 0) {
            stock.addOnHand(sku, warehouse, delta);
            applied = delta;
        } else if (delta != null) {
            if (!stock.removeAvailable(sku, warehouse, -delta)) {
                StockLevel level = stock.level(sku, warehouse);
                if (level.onHand() + delta < 0) {
                    throw new BusinessRuleException("insufficient-stock", "delta",
                            "would take on hand below zero: " + level.onHand() + " on hand");
                }
                throw new BusinessRuleException("below-reserved", "delta",
                        "would leave on hand below the " + level.reserved() + " units reserved");
            }
            applied = delta;
        } else {
            applied = setCounted(sku, warehouse, counted);
        }
        MovementView movement = ledger.append(new Entry(sku, warehouse, MovementType.ADJUSTMENT, applied, 0,
                adjustment.reason().trim(), trimToNull(adjustment.reference()), null, null), actor().username(), now);
        StockLevel after = stock.level(sku, warehouse);
        auditStock("STOCK_ADJUSTED", ref, target, "%+d (%s)".formatted(applied, adjustment.reason().trim()), before,
                after);
        return new StockChange(List.of(movement), List.of(after));
    }

    /** Compare-and-set of on hand to the count; returns the delta applied. The warehouse lock is held. */
    private long setCounted(SkuId sku, WarehouseId warehouse, int counted) {
        for (int attempt = 0; attempt < 20; attempt++) {
            Optional<StockLevel> seen = stock.find(sku, warehouse);
            if (seen.isEmpty()) {
                stock.insert(sku, warehouse, counted);
                return counted;
            }
            if (counted < seen.get().reserved()) {
                throw new BusinessRuleException("below-reserved", "countedQuantity",
                        "is below the " + seen.get().reserved() + " units reserved");
            }
            if (stock.setCounted(sku, warehouse, seen.get().onHand(), counted)) {
                return counted - seen.get().onHand();
            }
        }
        throw new ConflictException("countedQuantity", "stock kept changing while the count was applied; try again");
    }

    /** Moves available units between warehouses (TRANSFER out and in legs sharing a transfer id), atomically. */
    @Transactional
    public StockChange transfer(Transfer transfer) {
        Violations v = new Violations();
        v.check(transfer.skuId() != null, "skuId", "is required");
        v.check(transfer.fromWarehouseId() != null, "fromWarehouseId", "is required");
        v.check(transfer.toWarehouseId() != null, "toWarehouseId", "is required");
        if (transfer.fromWarehouseId() != null && transfer.fromWarehouseId().equals(transfer.toWarehouseId())) {
            v.add("toWarehouseId", "must differ from fromWarehouseId");
        }
        checkQuantity(v, "quantity", transfer.quantity());
        checkNotes(v, transfer.reference(), transfer.reason(), false);
        v.throwIfAny();
        SkuId sku = transfer.skuId();
        WarehouseId from = transfer.fromWarehouseId();
        WarehouseId to = transfer.toWarehouseId();
        SkuRef ref = requireSku("skuId", sku);
        WarehouseView source = warehouses.find(from)
                .orElseThrow(() -> NotFoundException.reference("fromWarehouseId", "Warehouse", from));
        WarehouseView target = lockActiveWarehouse("toWarehouseId", to);
        int quantity = transfer.quantity();
        UUID transferId = UUID.randomUUID();
        Instant now = now();
        String reason = trimToNull(transfer.reason());
        String reference = trimToNull(transfer.reference());
        List<StockLevel> before = List.of(stock.level(sku, from), stock.level(sku, to));
        MovementView out = ledger.append(new Entry(sku, from, MovementType.TRANSFER, -quantity, 0, reason, reference,
                transferId, null), actor().username(), now);
        MovementView in = ledger.append(new Entry(sku, to, MovementType.TRANSFER, quantity, 0, reason, reference,
                transferId, null), actor().username(), now);
        if (stock.find(sku, to).isEmpty()) {
            stock.insert(sku, to, 0);
        }
        // Both rows are updated in warehouse-id order, so two opposite transfers cannot deadlock.
        if (from.value() < to.value()) {
            removeForTransfer(sku, source, quantity);
            stock.addOnHand(sku, to, quantity);
        } else {
            stock.addOnHand(sku, to, quantity);
            removeForTransfer(sku, source, quantity);
        }
        List<StockLevel> after = List.of(stock.level(sku, from), stock.level(sku, to));
        if (isStaff()) {
            audit.record("STOCK_TRANSFERRED", "stock", transferId, "%s %d: %s → %s".formatted(ref.skuCode(), quantity,
                    source.code(), target.code()), before, after);
        }
        return new StockChange(List.of(out, in), after);
    }

    private void removeForTransfer(SkuId sku, WarehouseView source, int quantity) {
        if (!stock.removeAvailable(sku, source.id(), quantity)) {
            throw new BusinessRuleException("insufficient-stock", "quantity", "only "
                    + stock.level(sku, source.id()).available() + " available in warehouse " + source.code());
        }
    }

    // --- reservations ---------------------------------------------------------------------------------------

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
        Instant now = now();
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
        return close(id, ReservationStatus.RELEASED, now());
    }

    /** The reserved units leave the warehouse (SHIP: on hand and reserved both go down); 422 if not ACTIVE. */
    @Transactional
    public ReservationView ship(ReservationId id) {
        return close(id, ReservationStatus.SHIPPED, now());
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
                            status.name().toLowerCase(java.util.Locale.ROOT)));
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
    public int expireReservations() {
        Instant now = now();
        int expired = 0;
        java.util.Set<ReservationId> failed = new java.util.HashSet<>();
        while (true) {
            List<ReservationId> due = transactions.execute(status -> reservations.due(now,
                    properties.expiryBatchSize() + failed.size()));
            List<ReservationId> todo = due == null ? List.of()
                    : due.stream().filter(id -> !failed.contains(id)).toList();
            if (todo.isEmpty()) {
                return expired;
            }
            for (ReservationId id : todo) {
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

    @Transactional(readOnly = true)
    public ReservationView reservation(ReservationId id) {
        return reservations.find(id).orElseThrow(() -> NotFoundException.of("Reservation", id));
    }

    @Transactional(readOnly = true)
    public Page<ReservationView> reservations(@Nullable String reference, @Nullable ReservationStatus status,
            PageQuery page) {
        return reservations.find(reference == null || reference.isBlank() ? null : reference.trim(), status, page);
    }

    // --- safety stock ---------------------------------------------------------------------------------------

    @Transactional
    public SafetyStock setSafetyStock(SkuId sku, int quantity) {
        Violations v = new Violations();
        v.check(quantity >= 0 && quantity <= MAX_QUANTITY, "quantity", "must be between 0 and " + MAX_QUANTITY);
        v.throwIfAny();
        SkuRef ref = requireSku("skuId", sku);
        SafetyStock before = new SafetyStock(sku, stock.safetyStock(sku));
        stock.setSafetyStock(sku, quantity, now());
        SafetyStock after = new SafetyStock(sku, quantity);
        if (isStaff()) {
            audit.record("SAFETY_STOCK_SET", "sku", sku, ref.skuCode() + ": " + quantity, before, after);
        }
        return after;
    }

    @Transactional(readOnly = true)
    public SafetyStock safetyStock(SkuId sku) {
        requireSku("skuId", sku);
        return new SafetyStock(sku, stock.safetyStock(sku));
    }

    // --- reading stock --------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public StockLevel level(SkuId sku, WarehouseId warehouse) {
        return stock.level(sku, warehouse);
    }

    /** Stock rows with the SKU and warehouse named, filtered and paged, ordered by SKU and warehouse. */
    @Transactional(readOnly = true)
    public Page<StockView> stock(StockQuery query, PageQuery page) {
        SkuId sku = query.skuId();
        if (query.skuCode() != null && !query.skuCode().isBlank()) {
            Optional<SkuRef> byCode = catalog.skuByCode(query.skuCode().trim());
            if (byCode.isEmpty() || (sku != null && !sku.equals(byCode.get().id()))) {
                return Page.of(List.of(), page, 0);
            }
            sku = byCode.get().id();
        }
        Page<StockRepository.Row> rows = stock.page(query.warehouseId(), sku, query.state(), page);
        Map<SkuId, SkuRef> skus = catalog.skus(rows.items().stream().map(StockRepository.Row::skuId).toList());
        Map<WarehouseId, WarehouseView> byId = warehousesById();
        return rows.map(row -> {
            SkuRef ref = skus.get(row.skuId());
            WarehouseView warehouse = byId.get(row.warehouseId());
            return new StockView(row.skuId(), ref == null ? "#" + row.skuId() : ref.skuCode(),
                    ref == null ? "" : ref.productTitle(), ref == null ? "" : ref.specText(), row.warehouseId(),
                    warehouse.code(), warehouse.name(), row.onHand(), row.reserved(), row.available(),
                    row.safetyStock(), state(row.available(), row.safetyStock()));
        });
    }

    static StockState state(long available, long safetyStock) {
        if (available <= 0) {
            return StockState.OUT_OF_STOCK;
        }
        return available <= safetyStock ? StockState.LOW_STOCK : StockState.IN_STOCK;
    }

    /**
     * SKUs whose available stock over all warehouses is at or below their safety stock, or that have had stock
     * and have none available; the largest shortfall first.
     */
    @Transactional(readOnly = true)
    public Page<LowStockView> lowStock(PageQuery page) {
        Page<StockRepository.LowRow> rows = stock.lowStock(page);
        Map<SkuId, SkuRef> skus = catalog.skus(rows.items().stream().map(StockRepository.LowRow::skuId).toList());
        return rows.map(row -> {
            SkuRef ref = skus.get(row.skuId());
            return new LowStockView(row.skuId(), ref == null ? "#" + row.skuId() : ref.skuCode(),
                    ref == null ? "" : ref.productTitle(), ref == null ? "" : ref.specText(), row.onHand(),
                    row.reserved(), row.available(), row.safetyStock(), row.safetyStock() - row.available());
        });
    }

    /** The ledger, newest first. */
    @Transactional(readOnly = true)
    public Page<MovementView> movements(MovementQuery query, PageQuery page) {
        Violations v = new Violations();
        v.text("reference", query.reference(), false, 64);
        v.check(query.from() == null || query.to() == null || query.from().isBefore(query.to()), "to",
                "must be after from");
        v.throwIfAny();
        SkuId sku = query.skuId();
        if (query.skuCode() != null && !query.skuCode().isBlank()) {
            Optional<SkuRef> byCode = catalog.skuByCode(query.skuCode().trim());
            if (byCode.isEmpty() || (sku != null && !sku.equals(byCode.get().id()))) {
                return Page.of(List.of(), page, 0);
            }
            sku = byCode.get().id();
        }
        return ledger.find(sku, query.warehouseId(), query.type(), trimToNull(query.reference()), query.from(),
                query.to(), page);
    }

    /**
     * Checks for every SKU and warehouse that the ledger adds up to the stock row and that the active
     * reservations add up to what is reserved. Reads only; safe to run while stock moves.
     */
    @Transactional(readOnly = true)
    public ReconciliationReport reconcile() {
        LedgerRepository.Reconciliation result = ledger.reconcile();
        return new ReconciliationReport(now(), result.rowsChecked(), result.mismatches());
    }

    /** The home page's figures; stock is valued at each SKU's cost price, exactly. */
    @Transactional(readOnly = true)
    public InventoryFigures figures() {
        List<StockRepository.OnHand> onHand = stock.allOnHand();
        Map<SkuId, SkuRef> skus = catalog.skus(onHand.stream().map(StockRepository.OnHand::skuId).toList());
        Money zero = Money.zero(shop.currency());
        Map<WarehouseId, long[]> units = new HashMap<>();
        Map<WarehouseId, Money> values = new HashMap<>();
        long totalUnits = 0;
        Money total = zero;
        for (StockRepository.OnHand row : onHand) {
            SkuRef ref = skus.get(row.skuId());
            Money value = ref == null ? zero : ref.costPrice().times(row.onHand());
            units.computeIfAbsent(row.warehouseId(), k -> new long[1])[0] += row.onHand();
            values.merge(row.warehouseId(), value, Money::plus);
            totalUnits += row.onHand();
            total = total.plus(value);
        }
        List<InventoryFigures.WarehouseValue> byWarehouse = new ArrayList<>();
        for (WarehouseView warehouse : warehouses.all()) {
            long u = units.containsKey(warehouse.id()) ? units.get(warehouse.id())[0] : 0;
            if (warehouse.active() || u > 0) {
                byWarehouse.add(new InventoryFigures.WarehouseValue(warehouse.id(), warehouse.code(), warehouse.name(),
                        u, values.getOrDefault(warehouse.id(), zero)));
            }
        }
        return new InventoryFigures(warehouses.countActive(), stock.countSkusWithStock(), stock.countLowStock(),
                totalUnits, total, byWarehouse);
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private Map<WarehouseId, WarehouseView> warehousesById() {
        return warehouses.all().stream()
                .collect(Collectors.toMap(WarehouseView::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    private SkuRef requireSku(String field, SkuId sku) {
        return catalog.sku(sku).orElseThrow(() -> NotFoundException.reference(field, "SKU", sku));
    }

    /** Locks an active warehouse for the rest of the transaction: 400 if unknown, 422 if inactive. */
    private WarehouseView lockActiveWarehouse(String field, WarehouseId id) {
        boolean locked = warehouses.lockActive(id);
        WarehouseView warehouse = warehouses.find(id)
                .orElseThrow(() -> NotFoundException.reference(field, "Warehouse", id));
        if (!locked) {
            throw new BusinessRuleException("warehouse-inactive", field,
                    "warehouse " + warehouse.code() + " is inactive");
        }
        return warehouse;
    }

    private static void checkQuantity(Violations v, String field, int quantity) {
        if (quantity < 1) {
            v.add(field, "must be at least 1");
        } else if (quantity > MAX_QUANTITY) {
            v.add(field, "must be at most " + MAX_QUANTITY);
        }
    }

    private static void checkNotes(Violations v, @Nullable String reference, @Nullable String reason,
            boolean reasonRequired) {
        v.text("reference", reference, false, 64);
        v.text("reason", reason, reasonRequired, 500);
    }

    private void auditStock(String action, SkuRef sku, WarehouseView warehouse, String change, StockLevel before,
            StockLevel after) {
        if (isStaff()) {
            audit.record(action, "stock", sku.id() + "@" + warehouse.id(),
                    "%s @ %s: %s".formatted(sku.skuCode(), warehouse.code(), change), before, after);
        }
    }

    /** Now, to the microsecond that both databases store. */
    private Instant now() {
        return Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static Actor actor() {
        return Actors.current();
    }

    private static boolean isStaff() {
        return actor().staffId() != null;
    }

    private static @Nullable String trimToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
