package io.shopops.loyalty.web;

import io.shopops.customer.CurrentCustomer;
import io.shopops.loyalty.Points;
import io.shopops.loyalty.PointsAccount;
import io.shopops.loyalty.PointsEntry;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.web.RequiresPermission;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in customer's points: balance, what expires next, and the ledger. */
@RestController
@RequestMapping("/api/v1/store/points")
class StorePointsApi {

    private final Points points;

    StorePointsApi(Points points) {
        this.points = points;
    }

    @GetMapping
    @RequiresPermission(RequiresPermission.CUSTOMER)
    PointsAccount mine() {
        return points.account(CurrentCustomer.require());
    }

    @GetMapping("/entries")
    @RequiresPermission(RequiresPermission.CUSTOMER)
    Page<PointsEntry> entries(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return points.entries(CurrentCustomer.require(), new PageQuery(page, size));
    }
}
