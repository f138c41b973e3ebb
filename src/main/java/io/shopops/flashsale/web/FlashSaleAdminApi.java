package io.shopops.flashsale.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.shopops.flashsale.FlashSaleId;
import io.shopops.flashsale.FlashSaleStatus;
import io.shopops.flashsale.FlashSaleSummary;
import io.shopops.flashsale.FlashSaleView;
import io.shopops.flashsale.FlashSales;
import io.shopops.flashsale.NewFlashSale;
import io.shopops.flashsale.QuotaFigures;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.web.RequiresPermission;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Flash-sale sessions for staff: the list, one session with its SKUs' quota figures (taken, holding, ordered,
 * paid), create, edit a draft, schedule, cancel.
 */
@RestController
@RequestMapping("/api/v1/admin/flash-sales")
class FlashSaleAdminApi {

    private final FlashSales sales;

    FlashSaleAdminApi(FlashSales sales) {
        this.sales = sales;
    }

    record UpdateRequest(@Nullable String name, @Nullable Instant startsAt, @Nullable Instant endsAt,
            @Nullable Integer payWindowMinutes, @Nullable List<NewFlashSale.Item> items, @Nullable Long version) {

        NewFlashSale sale() {
            return new NewFlashSale(name, startsAt, endsAt, payWindowMinutes, items);
        }
    }

    record VersionRequest(@Nullable Long version) {
    }

    record CancelRequest(@Nullable String reason, @Nullable Long version) {
    }

    @GetMapping
    @RequiresPermission("marketing:read")
    Page<FlashSaleSummary> list(@RequestParam(required = false) @Nullable FlashSaleStatus status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return sales.find(status, new PageQuery(page, size));
    }

    @GetMapping("/{id}")
    @RequiresPermission("marketing:read")
    FlashSaleView get(@PathVariable long id) {
        return sales.sale(new FlashSaleId(id));
    }

    /** Each SKU's quota figures only: what a live view polls. */
    @GetMapping("/{id}/figures")
    @RequiresPermission("marketing:read")
    List<QuotaFigures> figures(@PathVariable long id) {
        return sales.figures(new FlashSaleId(id));
    }

    @PostMapping
    @RequiresPermission("marketing:write")
    ResponseEntity<FlashSaleView> create(@RequestBody NewFlashSale sale) {
        FlashSaleView created = sales.create(sale);
        return ResponseEntity.created(URI.create("/api/v1/admin/flash-sales/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    @RequiresPermission("marketing:write")
    FlashSaleView update(@PathVariable long id, @RequestBody UpdateRequest request) {
        return sales.update(new FlashSaleId(id), request.sale(), request.version());
    }

    @PostMapping("/{id}/schedule")
    @RequiresPermission("marketing:publish")
    FlashSaleView schedule(@PathVariable long id, @RequestBody VersionRequest request) {
        return sales.schedule(new FlashSaleId(id), request.version());
    }

    @PostMapping("/{id}/cancel")
    @RequiresPermission("marketing:publish")
    FlashSaleView cancel(@PathVariable long id, @RequestBody CancelRequest request) {
        return sales.cancel(new FlashSaleId(id), request.reason(), request.version());
    }
}
