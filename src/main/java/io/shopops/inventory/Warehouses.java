package io.shopops.inventory;

import java.util.List;

import io.shopops.audit.AuditLog;
import io.shopops.inventory.internal.StockRepository;
import io.shopops.inventory.internal.WarehouseRepository;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.ConflictException;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.Violations;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static io.shopops.inventory.InventorySupport.trimToNull;

/**
 * The inventory's warehouses: opening one, changing its details, closing it for stock, and finding them. Every
 * change is recorded in the audit log.
 */
@Service
public class Warehouses {

    private final WarehouseRepository warehouses;
    private final StockRepository stock;
    private final AuditLog audit;
    private final InventorySupport support;

    Warehouses(WarehouseRepository warehouses, StockRepository stock, AuditLog audit, InventorySupport support) {
        this.warehouses = warehouses;
        this.stock = stock;
        this.audit = audit;
        this.support = support;
    }

    /** Opens a warehouse under a code no other warehouse uses (409 otherwise). */
    @Transactional
    public WarehouseView open(NewWarehouse warehouse) {
        Violations v = new Violations();
        v.code("code", warehouse.code());
        checkDetails(v, warehouse.name(), warehouse.region(), warehouse.address());
        v.throwIfAny();
        String code = warehouse.code().trim();
        if (warehouses.existsByCode(code)) {
            throw new ConflictException("code", "is already used by another warehouse");
        }
        WarehouseId id = warehouses.insert(code, warehouse.name().trim(), trimToNull(warehouse.region()),
                trimToNull(warehouse.address()), support.now());
        WarehouseView created = warehouse(id);
        audit.record("WAREHOUSE_CREATED", "warehouse", id, created.code(), null, created);
        return created;
    }

    /** Changes a warehouse's name, region and address at the version the client read (409 if stale). */
    @Transactional
    public WarehouseView change(WarehouseId id, WarehouseChange change) {
        Violations v = new Violations();
        checkDetails(v, change.name(), change.region(), change.address());
        v.throwIfAny();
        WarehouseView before = warehouse(id);
        if (!warehouses.update(id, change.version(), change.name().trim(), trimToNull(change.region()),
                trimToNull(change.address()), support.now())) {
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
    public WarehouseView deactivate(WarehouseId id) {
        WarehouseView before = warehouse(id);
        if (!warehouses.deactivate(id, support.now())) {
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
    public Page<WarehouseView> list(boolean includeInactive, PageQuery page) {
        return warehouses.list(includeInactive, page);
    }

    /** Every warehouse, active ones first: for choosers on the console. */
    @Transactional(readOnly = true)
    public List<WarehouseView> all() {
        return warehouses.all();
    }

    private static void checkDetails(Violations v, @Nullable String name, @Nullable String region,
            @Nullable String address) {
        v.text("name", name, true, 100);
        v.text("region", region, false, 50);
        v.text("address", address, false, 300);
    }
}
