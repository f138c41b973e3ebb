package io.shopops.payment.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shopops.payment.DailyReconciliation;
import io.shopops.payment.PaymentDetail;
import io.shopops.payment.PaymentId;
import io.shopops.payment.PaymentIncident;
import io.shopops.payment.PaymentProviders;
import io.shopops.payment.PaymentQuery;
import io.shopops.payment.PaymentStatus;
import io.shopops.payment.PaymentView;
import io.shopops.payment.Payments;
import io.shopops.payment.RefundRequest;
import io.shopops.payment.RefundView;
import io.shopops.shared.DomainException;
import io.shopops.shared.FieldViolation;
import io.shopops.shared.Money;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.ShopProperties;
import io.shopops.shared.Violations;
import io.shopops.shared.web.ConsoleController;
import io.shopops.shared.web.RequiresPermission;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Console pages for payments: the list, one payment with its refunds, provider reports and incidents and a refund
 * form, the incidents, and the daily reconciliation with the providers' statements.
 */
@ConsoleController
@RequestMapping("/console/payments")
class PaymentConsole {

    private static final int PAGE_SIZE = 50;

    private final Payments payments;
    private final PaymentProviders providers;
    private final ShopProperties shop;
    private final MessageSource messages;
    private final Clock clock;

    PaymentConsole(Payments payments, PaymentProviders providers, ShopProperties shop, MessageSource messages,
            Clock clock) {
        this.payments = payments;
        this.providers = providers;
        this.shop = shop;
        this.messages = messages;
        this.clock = clock;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    /** The list's filters as typed; dates are the shop's days. */
    record Filter(@Nullable PaymentStatus status, @Nullable String reference, @Nullable String provider,
            @Nullable String from, @Nullable String to) {
    }

    @GetMapping
    @RequiresPermission("payment:read")
    String list(@RequestParam(required = false) @Nullable PaymentStatus status,
            @RequestParam(required = false) @Nullable String reference,
            @RequestParam(required = false) @Nullable String provider,
            @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate fromDay = day(from, "from", errors);
        LocalDate toDay = day(to, "to", errors);
        Page<PaymentView> rows = Page.of(List.of(), PageQuery.first(PAGE_SIZE), 0);
        if (errors.isEmpty()) {
            try {
                rows = payments.find(new PaymentQuery(status, reference, provider, fromDay, toDay),
                        new PageQuery(Math.max(0, page), PAGE_SIZE));
            } catch (DomainException refused) {
                add(errors, refused);
            }
        }
        model.addAttribute("filter", new Filter(status, reference, provider, from, to));
        model.addAttribute("statuses", PaymentStatus.values());
        model.addAttribute("providers", providers.codes());
        model.addAttribute("rows", rows);
        model.addAttribute("errors", errors);
        return "payment/payments";
    }

    /** The refund form as typed; the idempotency key is made when the form is shown, so a double submit refunds once. */
    record RefundForm(@Nullable String amount, @Nullable String reason, @Nullable String idempotencyKey) {
    }

    @GetMapping("/{id}")
    @RequiresPermission("payment:read")
    String detail(@PathVariable long id, Model model) {
        return detailPage(model, payments.detail(new PaymentId(id)),
                new RefundForm(null, null, UUID.randomUUID().toString()), Map.of());
    }

    private String detailPage(Model model, PaymentDetail detail, RefundForm form, Map<String, String> errors) {
        model.addAttribute("detail", detail);
        model.addAttribute("payment", detail.payment());
        model.addAttribute("refundable", detail.payment().refundable());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "payment/payment";
    }

    @PostMapping("/{id}/refunds")
    @RequiresPermission("payment:refund")
    String refund(@PathVariable long id, RefundForm form, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        PaymentId paymentId = new PaymentId(id);
        PaymentDetail detail = payments.detail(paymentId);
        Map<String, String> errors = new LinkedHashMap<>();
        BigDecimal amount = null;
        try {
            amount = form.amount() == null || form.amount().isBlank() ? null : new BigDecimal(form.amount().trim());
        } catch (NumberFormatException notANumber) {
            errors.put("amount", text("payment.form.notAnAmount"));
        }
        if (errors.isEmpty()) {
            try {
                Violations v = new Violations();
                v.amount("amount", amount, shop.currency());
                v.throwIfAny();
                RefundView refund = payments.refund(new RefundRequest(paymentId, Money.of(amount, shop.currency()),
                        form.reason(), form.idempotencyKey()));
                redirect.addFlashAttribute("flash", text("payment.refund.done." + refund.status(),
                        refund.amount().amount().toPlainString(), refund.failureReason()));
                return "redirect:/console/payments/" + id;
            } catch (DomainException refused) {
                add(errors, refused);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return detailPage(model, payments.detail(paymentId), form, errors);
    }

    @GetMapping("/incidents")
    @RequiresPermission("payment:read")
    String incidents(@RequestParam(required = false) PaymentIncident.@Nullable Kind kind,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("kinds", PaymentIncident.Kind.values());
        model.addAttribute("kind", kind);
        model.addAttribute("rows", payments.incidents(kind, new PageQuery(Math.max(0, page), PAGE_SIZE)));
        return "payment/incidents";
    }

    /** The day's reconciliation; without a day, yesterday (the last whole day) in the shop's zone. */
    @GetMapping("/reconciliation")
    @RequiresPermission("payment:read")
    String reconciliation(@RequestParam(required = false) @Nullable String day, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate chosen = day == null || day.isBlank() ? LocalDate.ofInstant(clock.instant(), shop.zone()).minusDays(1)
                : day(day, "day", errors);
        DailyReconciliation report = errors.isEmpty() ? payments.reconcile(chosen) : null;
        model.addAttribute("day", chosen == null ? day : chosen.toString());
        model.addAttribute("report", report);
        model.addAttribute("errors", errors);
        return "payment/reconciliation";
    }

    private @Nullable LocalDate day(@Nullable String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException notADay) {
            errors.put(field, text("payment.form.notADay"));
            return null;
        }
    }

    private static void add(Map<String, String> errors, DomainException refused) {
        if (refused.violations().isEmpty()) {
            errors.putIfAbsent("form", refused.getMessage());
        }
        for (FieldViolation violation : refused.violations()) {
            errors.putIfAbsent(violation.field(), violation.reason());
        }
    }
}
