package io.shopops.fulfilment.web;

import java.util.stream.Collectors;

import io.shopops.fulfilment.DeliveryPerformance;
import io.shopops.fulfilment.ShipmentView;
import io.shopops.inventory.WarehouseView;
import io.shopops.inventory.Warehouses;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.web.ConsoleController;
import io.shopops.shared.web.RequiresPermission;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Shipments that need someone's attention: open ones past their promise or with no news from their carrier for too
 * long, with the last 30 days' delivery performance above them.
 */
@ConsoleController
class LateAndStuckConsole {

    private final DeliveryPerformance performance;
    private final Warehouses warehouses;

    LateAndStuckConsole(DeliveryPerformance performance, Warehouses warehouses) {
        this.performance = performance;
        this.warehouses = warehouses;
    }

    @GetMapping("/console/fulfilment/late-and-stuck")
    @RequiresPermission("fulfilment:read")
    String lateAndStuck(@RequestParam(defaultValue = "0") int page, Model model) {
        Page<ShipmentView> rows = performance.lateOrStuck(new PageQuery(Math.max(0, page), 50));
        model.addAttribute("rows", PersonalDataAccess.fullRecipient() ? rows : rows.map(ShipmentView::masked));
        model.addAttribute("report", performance.report(null, null));
        model.addAttribute("stuckAfterHours", performance.stuckAfterHours());
        model.addAttribute("warehouseCodes", warehouses.all().stream()
                .collect(Collectors.toMap(WarehouseView::id, WarehouseView::code, (a, b) -> a)));
        model.addAttribute("badges", ConsoleSupport.badges());
        return "fulfilment/late-and-stuck";
    }
}
