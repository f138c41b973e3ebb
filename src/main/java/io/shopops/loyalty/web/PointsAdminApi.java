package io.shopops.loyalty.web;

import io.shopops.customer.CustomerId;
import io.shopops.loyalty.Points;
import io.shopops.loyalty.PointsAccount;
import io.shopops.loyalty.PointsEntry;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.web.RequiresPermission;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A customer's points for staff: balance and ledger, and adjustments by hand with a reason. */
@RestController
@RequestMapping("/api/v1/admin/customers/{id}/points")
class PointsAdminApi {

    private final Points points;

    PointsAdminApi(Points points) {
        this.points = points;
    }

    record Adjustment(@Nullable Long points, @Nullable String reason) {
    }

    @GetMapping
    @RequiresPermission("customer:read")
    PointsAccount account(@PathVariable long id) {
        return points.account(new CustomerId(id));
    }

    @GetMapping("/entries")
    @RequiresPermission("customer:read")
    Page<PointsEntry> entries(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return points.entries(new CustomerId(id), new PageQuery(page, size));
    }

    @PostMapping("/adjustments")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission("customer:points")
    PointsEntry adjust(@PathVariable long id, @RequestBody Adjustment adjustment) {
        return points.adjust(new CustomerId(id), adjustment.points(), adjustment.reason());
    }
}
