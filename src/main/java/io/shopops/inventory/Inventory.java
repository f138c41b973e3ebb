package io.shopops.inventory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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
import io.shopops.inventory.internal.LedgerRepository;
import io.shopops.inventory.internal.LedgerRepository.Entry;
import io.shopops.inventory.internal.StockRepository;
import io.shopops.inventory.internal.WarehouseRepository;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.ConflictException;
import io.shopops.shared.Money;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.ShopProperties;
import io.shopops.shared.Violations;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static io.shopops.inventory.InventorySupport.actor;
import static io.shopops.inventory.InventorySupport.checkQuantity;
import static io.shopops.inventory.InventorySupport.isStaff;
import static io.shopops.inventory.InventorySupport.trimToNull;

/**
 * The inventory's stock: units received, returned, adjusted and transferred, safety stock, and reading stock,
 * low stock, the ledger, the reconciliation and the home page's figures. Warehouses are opened and closed
 * through {@link Warehouses}, stock is held for orders through {@link Reservations}.
 *
 * <p>Every change of on hand or reserved writes the ledger in the same transaction, and the rule that available
 * stock never goes below zero is checked by the database (a conditional UPDATE and its row count, backed by
 * CHECK constraints), never by reading a quantity first. Changes made by staff are recorded in the audit log;
 * those made by the system (other modules) are in the ledger only.
 */
@Service
public class Inventory {

    /** The largest quantity one operation may move. */
    public static final int MAX_QUANTITY = 1_000_000;

    private final WarehouseRepository warehouses;
    private final StockRepository stock;
    private final LedgerRepository ledger;
    private final Catalog catalog;
    private final AuditLog audit;
    private final ShopProperties shop;
    private final InventorySupport support;

    Inventory(WarehouseRepository warehouses, StockRepository stock, LedgerRepository ledger, Catalog catalog,
            AuditLog audit, ShopProperties shop, InventorySupport support) {
        this.warehouses = warehouses;
        this.stock = stock;
        this.ledger = ledger;
        this.catalog = catalog;
        this.audit = audit;
        this.shop = shop;
        this.support = support;
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
                trimToNull(reference), null, null), actor().username(), support.now());
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
        Instant now = support.now();
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
        Instant now = support.now();
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

    // --- safety stock ---------------------------------------------------------------------------------------

    @Transactional
    public SafetyStock setSafetyStock(SkuId sku, int quantity) {
        Violations v = new Violations();
        v.check(quantity >= 0 && quantity <= MAX_QUANTITY, "quantity", "must be between 0 and " + MAX_QUANTITY);
        v.throwIfAny();
        SkuRef ref = requireSku("skuId", sku);
        SafetyStock before = new SafetyStock(sku, stock.safetyStock(sku));
        stock.setSafetyStock(sku, quantity, support.now());
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
        return new ReconciliationReport(support.now(), result.rowsChecked(), result.mismatches());
    }

    /** The home page's figures; stock is valued at each SKU's cost price, exactly. */
    /**
     * What each active warehouse has available of each SKU (SKUs with none anywhere are missing), for choosing
     * where an order is served from. A snapshot: the reservation that follows decides.
     */
    @Transactional(readOnly = true)
    public Map<SkuId, Map<WarehouseId, Long>> availability(Collection<SkuId> skus) {
        return stock.availability(skus);
    }

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
}
