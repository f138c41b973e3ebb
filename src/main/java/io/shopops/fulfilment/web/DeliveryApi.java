package io.shopops.fulfilment.web;

import java.time.Instant;
import java.util.List;

import io.shopops.fulfilment.CarrierView;
import io.shopops.fulfilment.Carriers;
import io.shopops.fulfilment.DeliveryPerformance;
import io.shopops.fulfilment.DeliveryPerformanceReport;
import io.shopops.fulfilment.PickList;
import io.shopops.fulfilment.PickLists;
import io.shopops.fulfilment.ShipmentView;
import io.shopops.inventory.WarehouseId;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.web.RequiresPermission;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Pick lists, the late-and-stuck shipments, delivery performance and the configured carriers. */
@RestController
@RequestMapping("/api/v1/admin/fulfilment")
class DeliveryApi {

    private final PickLists pickLists;
    private final DeliveryPerformance performance;
    private final Carriers carriers;

    DeliveryApi(PickLists pickLists, DeliveryPerformance performance, Carriers carriers) {
        this.pickLists = pickLists;
        this.performance = performance;
        this.carriers = carriers;
    }

    @GetMapping("/warehouses/{warehouseId}/pick-list")
    @RequiresPermission("fulfilment:read")
    PickList pickList(@PathVariable long warehouseId) {
        return pickLists.pickList(new WarehouseId(warehouseId));
    }

    @GetMapping("/late-and-stuck")
    @RequiresPermission("fulfilment:read")
    Page<ShipmentView> lateAndStuck(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        Page<ShipmentView> found = performance.lateOrStuck(new PageQuery(page, size));
        return PersonalDataAccess.fullRecipient() ? found : found.map(ShipmentView::masked);
    }

    /** Delivered in {@code [from, to)}; without them, the last 30 days. */
    @GetMapping("/performance")
    @RequiresPermission("fulfilment:read")
    DeliveryPerformanceReport performance(@RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to) {
        return performance.report(from, to);
    }

    @GetMapping("/carriers")
    @RequiresPermission("fulfilment:read")
    List<CarrierView> carriers() {
        return carriers.all();
    }
}
