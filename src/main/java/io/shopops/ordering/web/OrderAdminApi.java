package io.shopops.ordering.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.shopops.customer.CustomerId;
import io.shopops.ordering.OrderDetail;
import io.shopops.ordering.OrderId;
import io.shopops.ordering.OrderPaymentReconciliation;
import io.shopops.ordering.OrderReconciliation;
import io.shopops.ordering.OrderQuery;
import io.shopops.ordering.OrderStatus;
import io.shopops.ordering.OrderSummary;
import io.shopops.ordering.Orders;
import io.shopops.ordering.SalesChannel;
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

/**
 * Orders for staff: the list with its filters, one order in full, notes, the abnormal flag, review, cancelling, and
 * the daily order–payment reconciliation.
 */
@RestController
@RequestMapping("/api/v1/admin/orders")
class OrderAdminApi {

    private final Orders orders;
    private final OrderReconciliation reconciliation;

    OrderAdminApi(Orders orders, OrderReconciliation reconciliation) {
        this.orders = orders;
        this.reconciliation = reconciliation;
    }

    record NoteRequest(@Nullable String text) {
    }

    record ReasonRequest(@Nullable String reason) {
    }

    record ClearRequest(@Nullable String note) {
    }

    /** {@code from} and {@code to} are the shop's days (both included); the total's range includes both ends. */
    @GetMapping
    @RequiresPermission("order:read")
    Page<OrderSummary> list(@RequestParam(required = false) @Nullable OrderStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable BigDecimal minTotal,
            @RequestParam(required = false) @Nullable BigDecimal maxTotal,
            @RequestParam(required = false) @Nullable SalesChannel channel,
            @RequestParam(required = false) @Nullable Long customerId,
            @RequestParam(required = false) @Nullable Boolean abnormal,
            @RequestParam(required = false) @Nullable String orderNumber,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return orders.find(new OrderQuery(status, from, to, minTotal, maxTotal, channel,
                customerId == null ? null : new CustomerId(customerId), abnormal, orderNumber),
                new PageQuery(page, size));
    }

    /** The day's orders against its payments (the shop's day; yesterday without {@code day}). */
    @GetMapping("/reconciliation")
    @RequiresPermission("order:read")
    OrderPaymentReconciliation reconciliation(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate day) {
        return reconciliation.report(day);
    }

    @GetMapping("/{id}")
    @RequiresPermission("order:read")
    OrderDetail get(@PathVariable long id) {
        return orders.detail(new OrderId(id));
    }

    @PostMapping("/{id}/notes")
    @RequiresPermission("order:write")
    OrderDetail note(@PathVariable long id, @RequestBody NoteRequest request) {
        return orders.addNote(new OrderId(id), request.text());
    }

    @PostMapping("/{id}/abnormal")
    @RequiresPermission("order:write")
    OrderDetail flag(@PathVariable long id, @RequestBody ReasonRequest request) {
        return orders.flagAbnormal(new OrderId(id), request.reason());
    }

    @PostMapping("/{id}/abnormal/clear")
    @RequiresPermission("order:write")
    OrderDetail clear(@PathVariable long id, @RequestBody(required = false) @Nullable ClearRequest request) {
        return orders.clearAbnormal(new OrderId(id), request == null ? null : request.note());
    }

    @PostMapping("/{id}/hold")
    @RequiresPermission("order:write")
    OrderDetail hold(@PathVariable long id, @RequestBody ReasonRequest request) {
        return orders.hold(new OrderId(id), request.reason());
    }

    @PostMapping("/{id}/release")
    @RequiresPermission("order:write")
    OrderDetail release(@PathVariable long id) {
        return orders.release(new OrderId(id));
    }

    @PostMapping("/{id}/cancel")
    @RequiresPermission("order:write")
    OrderDetail cancel(@PathVariable long id, @RequestBody ReasonRequest request) {
        return orders.cancel(new OrderId(id), request.reason());
    }
}
