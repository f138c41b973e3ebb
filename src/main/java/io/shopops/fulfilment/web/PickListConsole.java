package io.shopops.fulfilment.web;

import io.shopops.fulfilment.PickLists;
import io.shopops.inventory.WarehouseId;
import io.shopops.inventory.Warehouses;
import io.shopops.shared.web.ConsoleController;
import io.shopops.shared.web.RequiresPermission;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The pick list (揀貨單) of a warehouse, to work from on a phone or to print. */
@ConsoleController
class PickListConsole {

    private final PickLists pickLists;
    private final Warehouses warehouses;

    PickListConsole(PickLists pickLists, Warehouses warehouses) {
        this.pickLists = pickLists;
        this.warehouses = warehouses;
    }

    @GetMapping("/console/fulfilment/pick-list")
    @RequiresPermission("fulfilment:read")
    String pickList(@RequestParam(required = false) @Nullable Long warehouseId, Model model) {
        model.addAttribute("warehouses", warehouses.all());
        model.addAttribute("warehouseId", warehouseId);
        model.addAttribute("list", warehouseId == null ? null : pickLists.pickList(new WarehouseId(warehouseId)));
        return "fulfilment/pick-list";
    }
}
