package io.shopops.inventory.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.shopops.inventory.NewReservation;
import io.shopops.inventory.ReservationId;
import io.shopops.inventory.ReservationLine;
import io.shopops.inventory.ReservationStatus;
import io.shopops.inventory.ReservationView;
import io.shopops.inventory.Reservations;
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

import static io.shopops.inventory.web.Quantities.sku;
import static io.shopops.inventory.web.Quantities.warehouse;

/** Reservations: stock held for a reference (an order), released, shipped or left to expire. */
@RestController
@RequestMapping("/api/v1/admin/inventory/reservations")
class ReservationApi {

    private final Reservations reservations;

    ReservationApi(Reservations reservations) {
        this.reservations = reservations;
    }

    record LineRequest(@Nullable Long skuId, @Nullable Long warehouseId, @Nullable BigDecimal quantity) {
    }

    /** {@code timeToLive} (ISO-8601, "PT15M") is optional: the configured default (30 minutes) applies without it. */
    record ReservationRequest(@Nullable String reference, @Nullable List<LineRequest> lines,
            @Nullable Duration timeToLive) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission("inventory:write")
    ReservationView reserve(@RequestBody ReservationRequest request) {
        List<ReservationLine> lines = null;
        if (request.lines() != null) {
            lines = new ArrayList<>();
            for (int i = 0; i < request.lines().size(); i++) {
                LineRequest line = request.lines().get(i);
                lines.add(line == null ? null : new ReservationLine(sku(line.skuId()), warehouse(line.warehouseId()),
                        Quantities.required("lines[" + i + "].quantity", line.quantity())));
            }
        }
        return reservations.reserve(new NewReservation(request.reference(), lines, request.timeToLive()));
    }

    @GetMapping
    @RequiresPermission("inventory:read")
    Page<ReservationView> list(@RequestParam(required = false) @Nullable String reference,
            @RequestParam(required = false) @Nullable ReservationStatus status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return reservations.find(reference, status, new PageQuery(page, size));
    }

    @GetMapping("/{id}")
    @RequiresPermission("inventory:read")
    ReservationView get(@PathVariable long id) {
        return reservations.reservation(new ReservationId(id));
    }

    @PostMapping("/{id}/release")
    @RequiresPermission("inventory:write")
    ReservationView release(@PathVariable long id) {
        return reservations.release(new ReservationId(id));
    }

    @PostMapping("/{id}/ship")
    @RequiresPermission("inventory:write")
    ReservationView ship(@PathVariable long id) {
        return reservations.ship(new ReservationId(id));
    }
}
