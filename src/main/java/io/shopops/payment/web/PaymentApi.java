package io.shopops.payment.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.shopops.payment.DailyReconciliation;
import io.shopops.payment.PaymentDetail;
import io.shopops.payment.PaymentId;
import io.shopops.payment.PaymentIncident;
import io.shopops.payment.PaymentQuery;
import io.shopops.payment.PaymentStatus;
import io.shopops.payment.PaymentView;
import io.shopops.payment.Payments;
import io.shopops.payment.RefundRequest;
import io.shopops.payment.RefundView;
import io.shopops.shared.Money;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.ShopProperties;
import io.shopops.shared.Violations;
import io.shopops.shared.web.RequiresPermission;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Payments for staff: the list, one payment with its refunds and provider reports, refunds, incidents, reconciliation. */
@RestController
@RequestMapping("/api/v1/admin/payments")
class PaymentApi {

    private final Payments payments;
    private final ShopProperties shop;

    PaymentApi(Payments payments, ShopProperties shop) {
        this.payments = payments;
        this.shop = shop;
    }

    /** Days ({@code from}, {@code to}, both included) are the shop's days, ISO dates such as 2026-11-21. */
    @GetMapping
    @RequiresPermission("payment:read")
    Page<PaymentView> list(@RequestParam(required = false) @Nullable PaymentStatus status,
            @RequestParam(required = false) @Nullable String reference,
            @RequestParam(required = false) @Nullable String provider,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return payments.find(new PaymentQuery(status, reference, provider, from, to), new PageQuery(page, size));
    }

    @GetMapping("/{id}")
    @RequiresPermission("payment:read")
    PaymentDetail get(@PathVariable long id) {
        return payments.detail(new PaymentId(id));
    }

    /** The amount in the shop's currency; {@code reason} is optional. */
    record RefundBody(@Nullable BigDecimal amount, @Nullable String reason) {
    }

    /**
     * Refunds part or all of the payment. The {@code Idempotency-Key} header (a UUID, at most 255 characters) is
     * required: sending the same request again with it returns the same refund instead of making another.
     */
    @PostMapping("/{id}/refunds")
    @ResponseStatus(HttpStatus.CREATED)
    @RequiresPermission("payment:refund")
    RefundView refund(@PathVariable long id,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @RequestBody RefundBody body) {
        Violations v = new Violations();
        v.amount("amount", body.amount(), shop.currency());
        v.throwIfAny();
        return payments.refund(new RefundRequest(new PaymentId(id), Money.of(body.amount(), shop.currency()),
                body.reason(), idempotencyKey));
    }

    @GetMapping("/incidents")
    @RequiresPermission("payment:read")
    Page<PaymentIncident> incidents(@RequestParam(required = false) PaymentIncident.@Nullable Kind kind,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return payments.incidents(kind, new PageQuery(page, size));
    }

    /** The day's reconciliation with the providers' statements ({@code day}: an ISO date, the shop's day). */
    @GetMapping("/reconciliation")
    @RequiresPermission("payment:read")
    DailyReconciliation reconciliation(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return payments.reconcile(day);
    }
}
