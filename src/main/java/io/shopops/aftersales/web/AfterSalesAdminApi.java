package io.shopops.aftersales.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.shopops.aftersales.AfterSales;
import io.shopops.aftersales.AfterSalesId;
import io.shopops.aftersales.AfterSalesKind;
import io.shopops.aftersales.AfterSalesQuery;
import io.shopops.aftersales.AfterSalesReason;
import io.shopops.aftersales.AfterSalesStatus;
import io.shopops.aftersales.AfterSalesSummary;
import io.shopops.aftersales.AfterSalesView;
import io.shopops.aftersales.ReturnReceipt;
import io.shopops.customer.CustomerId;
import io.shopops.ordering.OrderId;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.web.RequiresPermission;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** After-sales for staff: the list, one request, approve, reject, receive the parcel back, retry a refund. */
@RestController
@RequestMapping("/api/v1/admin/after-sales")
class AfterSalesAdminApi {

    private final AfterSales afterSales;

    AfterSalesAdminApi(AfterSales afterSales) {
        this.afterSales = afterSales;
    }

    record NoteRequest(@Nullable String note) {
    }

    record ReasonRequest(@Nullable String reason) {
    }

    /** {@code from} and {@code to} are the shop's days (both included); {@code number} matches order or request. */
    @GetMapping
    @RequiresPermission("aftersales:read")
    Page<AfterSalesSummary> list(@RequestParam(required = false) @Nullable AfterSalesStatus status,
            @RequestParam(required = false) @Nullable AfterSalesKind kind,
            @RequestParam(required = false) @Nullable AfterSalesReason reason,
            @RequestParam(required = false) @Nullable String number,
            @RequestParam(required = false) @Nullable Long customerId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return afterSales.find(new AfterSalesQuery(status, kind, reason, number,
                customerId == null ? null : new CustomerId(customerId), from, to), new PageQuery(page, size));
    }

    /** How many requests are in each status. */
    @GetMapping("/counts")
    @RequiresPermission("aftersales:read")
    Map<AfterSalesStatus, Long> counts() {
        return afterSales.countByStatus();
    }

    @GetMapping("/orders/{orderId}")
    @RequiresPermission("aftersales:read")
    List<AfterSalesSummary> ofOrder(@PathVariable long orderId) {
        return afterSales.ofOrder(new OrderId(orderId));
    }

    @GetMapping("/{id}")
    @RequiresPermission("aftersales:read")
    AfterSalesView get(@PathVariable long id) {
        return afterSales.request(new AfterSalesId(id));
    }

    @PostMapping("/{id}/approve")
    @RequiresPermission("aftersales:decide")
    AfterSalesView approve(@PathVariable long id, @RequestBody(required = false) @Nullable NoteRequest request) {
        return afterSales.approve(new AfterSalesId(id), request == null ? null : request.note());
    }

    @PostMapping("/{id}/reject")
    @RequiresPermission("aftersales:decide")
    AfterSalesView reject(@PathVariable long id, @RequestBody ReasonRequest request) {
        return afterSales.reject(new AfterSalesId(id), request.reason());
    }

    @PostMapping("/{id}/receive")
    @RequiresPermission("aftersales:receive")
    AfterSalesView receive(@PathVariable long id, @RequestBody ReturnReceipt receipt) {
        return afterSales.receive(new AfterSalesId(id), receipt);
    }

    @PostMapping("/{id}/retry-refund")
    @RequiresPermission("aftersales:decide")
    AfterSalesView retryRefund(@PathVariable long id) {
        return afterSales.retryRefund(new AfterSalesId(id));
    }
}
