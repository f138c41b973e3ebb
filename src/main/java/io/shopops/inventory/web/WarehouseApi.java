package io.shopops.inventory.web;

import io.shopops.inventory.NewWarehouse;
import io.shopops.inventory.WarehouseChange;
import io.shopops.inventory.WarehouseId;
import io.shopops.inventory.WarehouseView;
import io.shopops.inventory.Warehouses;
import io.shopops.shared.InvalidInputException;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.web.RequiresPermission;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Warehouses: everyone with inventory:read sees them; opening, editing and closing them is inventory:warehouses. */
@RestController
@RequestMapping("/api/v1/admin/inventory/warehouses")
class WarehouseApi {

    private final Warehouses warehouses;

    WarehouseApi(Warehouses warehouses) {
        this.warehouses = warehouses;
    }

    @GetMapping
    @RequiresPermission("inventory:read")
    Page<WarehouseView> list(@RequestParam(defaultValue = "false") boolean includeInactive,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return warehouses.list(includeInactive, new PageQuery(page, size));
    }

    @GetMapping("/{id}")
    @RequiresPermission("inventory:read")
    WarehouseView get(@PathVariable long id) {
        return warehouses.warehouse(new WarehouseId(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission("inventory:warehouses")
    WarehouseView create(@RequestBody NewWarehouse warehouse) {
        return warehouses.open(warehouse);
    }

    record WarehouseUpdate(@Nullable String name, @Nullable String region, @Nullable String address,
            @Nullable Long version) {
    }

    @PutMapping("/{id}")
    @RequiresPermission("inventory:warehouses")
    WarehouseView update(@PathVariable long id, @RequestBody WarehouseUpdate update) {
        if (update.version() == null) {
            throw new InvalidInputException("version", "is required: send the version you read");
        }
        return warehouses.change(new WarehouseId(id),
                new WarehouseChange(update.name(), update.region(), update.address(), update.version()));
    }

    @PostMapping("/{id}/deactivate")
    @RequiresPermission("inventory:warehouses")
    WarehouseView deactivate(@PathVariable long id) {
        return warehouses.deactivate(new WarehouseId(id));
    }
}
