package io.shopops.ordering.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.shopops.customer.CustomerId;
import io.shopops.ordering.OrderDetail;
import io.shopops.ordering.OrderId;
import io.shopops.ordering.OrderPaymentReconciliation;
import io.shopops.ordering.OrderQuery;
import io.shopops.ordering.OrderReconciliation;
import io.shopops.ordering.OrderStatus;
import io.shopops.ordering.OrderSummary;
import io.shopops.ordering.Orders;
import io.shopops.ordering.SalesChannel;
import io.shopops.shared.DomainException;
import io.shopops.shared.FieldViolation;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.ShopProperties;
import io.shopops.shared.web.ConsoleController;
import io.shopops.shared.web.FormValues;
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
 * Console pages for orders: the list with its filters, one order with lines, payments, refunds, parcels and its
 * timeline (notes, the abnormal flag, review and cancelling for who may write), and the daily order–payment
 * reconciliation.
 */
@ConsoleController
@RequestMapping("/console/orders")
class OrderConsole {

    private final Orders orders;
    private final OrderReconciliation reconciliation;
    private final ShopProperties shop;
    private final MessageSource messages;
    private final Clock clock;

    OrderConsole(Orders orders, OrderReconciliation reconciliation, ShopProperties shop, MessageSource messages,
            Clock clock) {
        this.orders = orders;
        this.reconciliation = reconciliation;
        this.shop = shop;
        this.messages = messages;
        this.clock = clock;
    }

    /** The list's filters as typed, so that the form shows them again. */
    record Filter(@Nullable String status, @Nullable String from, @Nullable String to, @Nullable String minTotal,
            @Nullable String maxTotal, @Nullable String channel, @Nullable String customerId,
            @Nullable String abnormal, @Nullable String orderNumber) {
    }

    @GetMapping
    @RequiresPermission("order:read")
    String list(Filter filter, @RequestParam(defaultValue = "0") String page, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        OrderStatus status = choice(OrderStatus.class, filter.status(), "status", errors);
        SalesChannel channel = choice(SalesChannel.class, filter.channel(), "channel", errors);
        LocalDate from = date(filter.from(), "from", errors);
        LocalDate to = date(filter.to(), "to", errors);
        BigDecimal minTotal = amount(filter.minTotal(), "minTotal", errors);
        BigDecimal maxTotal = amount(filter.maxTotal(), "maxTotal", errors);
        Long customer = number(filter.customerId(), "customerId", errors);
        Long pageNumber = number(page, "page", errors);
        Boolean abnormal = filter.abnormal() == null || filter.abnormal().isBlank() ? null
                : Boolean.valueOf("true".equalsIgnoreCase(filter.abnormal()));
        Page<OrderSummary> rows = Page.of(java.util.List.of(), PageQuery.first(50), 0);
        if (errors.isEmpty()) {
            try {
                rows = orders.find(new OrderQuery(status, from, to, minTotal, maxTotal, channel,
                        customer == null ? null : new CustomerId(customer), abnormal, filter.orderNumber()),
                        new PageQuery((int) Math.min(Math.max(0, pageNumber == null ? 0 : pageNumber), 100_000), 50));
            } catch (DomainException refused) {
                refused.violations().forEach(v -> errors.putIfAbsent(v.field(), v.reason()));
                if (refused.violations().isEmpty()) {
                    errors.put("form", refused.getMessage());
                }
            }
        }
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", OrderStatus.values());
        model.addAttribute("channels", SalesChannel.values());
        model.addAttribute("rows", rows);
        model.addAttribute("errors", errors);
        return "ordering/orders";
    }

    @GetMapping("/{id}")
    @RequiresPermission("order:read")
    String detail(@PathVariable long id, Model model) {
        return detailPage(model, orders.detail(new OrderId(id)), Map.of(), null);
    }

    private String detailPage(Model model, OrderDetail order, Map<String, String> errors, @Nullable String form) {
        model.addAttribute("order", order);
        model.addAttribute("errors", errors);
        model.addAttribute("failedForm", form);
        model.addAttribute("cancellable", order.status().canMoveTo(OrderStatus.CANCELLED));
        return "ordering/order";
    }

    @PostMapping("/{id}/notes")
    @RequiresPermission("order:write")
    String note(@PathVariable long id, @RequestParam(required = false) @Nullable String text, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        return act(id, "note", () -> orders.addNote(new OrderId(id), text), "ordering.flash.noted", model, redirect,
                response);
    }

    @PostMapping("/{id}/abnormal")
    @RequiresPermission("order:write")
    String flag(@PathVariable long id, @RequestParam(required = false) @Nullable String reason, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        return act(id, "abnormal", () -> orders.flagAbnormal(new OrderId(id), reason), "ordering.flash.flagged",
                model, redirect, response);
    }

    @PostMapping("/{id}/abnormal/clear")
    @RequiresPermission("order:write")
    String clear(@PathVariable long id, @RequestParam(required = false) @Nullable String note, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        return act(id, "clear", () -> orders.clearAbnormal(new OrderId(id), note), "ordering.flash.cleared", model,
                redirect, response);
    }

    @PostMapping("/{id}/hold")
    @RequiresPermission("order:write")
    String hold(@PathVariable long id, @RequestParam(required = false) @Nullable String reason, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        return act(id, "hold", () -> orders.hold(new OrderId(id), reason), "ordering.flash.held", model, redirect,
                response);
    }

    @PostMapping("/{id}/release")
    @RequiresPermission("order:write")
    String release(@PathVariable long id, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return act(id, "release", () -> orders.release(new OrderId(id)), "ordering.flash.released", model, redirect,
                response);
    }

    @PostMapping("/{id}/cancel")
    @RequiresPermission("order:write")
    String cancel(@PathVariable long id, @RequestParam(required = false) @Nullable String reason, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        return act(id, "cancel", () -> orders.cancel(new OrderId(id), reason), "ordering.flash.cancelled", model,
                redirect, response);
    }

    private interface Action {
        OrderDetail run();
    }

    /** Post/redirect/get on success; the order's page again with the refusal otherwise. */
    private String act(long id, String form, Action action, String flash, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            OrderDetail after = action.run();
            redirect.addFlashAttribute("flash", text(flash, after.orderNumber()));
            return "redirect:/console/orders/" + id;
        } catch (NotFoundException missing) {
            throw missing;
        } catch (DomainException refused) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldViolation violation : refused.violations()) {
                errors.merge(violation.field(), violation.reason(), (a, b) -> a + "; " + b);
            }
            if (errors.isEmpty()) {
                errors.put(form, refused.getMessage());
            }
            response.setStatus(refused instanceof io.shopops.shared.BusinessRuleException ? 422 : 400);
            return detailPage(model, orders.detail(new OrderId(id)), errors, form);
        }
    }

    @GetMapping("/reconciliation")
    @RequiresPermission("order:read")
    String reconciliation(@RequestParam(required = false) @Nullable String day, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate date = date(day, "day", errors);
        LocalDate chosen = date == null ? Instant.now(clock).atZone(shop.zone()).toLocalDate().minusDays(1) : date;
        if (chosen.getYear() < 2000 || chosen.getYear() > 2999) {
            errors.put("day", text("ordering.form.date"));
        }
        OrderPaymentReconciliation report = null;
        if (errors.isEmpty()) {
            try {
                report = reconciliation.report(chosen);
            } catch (DomainException refused) {
                refused.violations().forEach(v -> errors.putIfAbsent(v.field(), v.reason()));
                if (refused.violations().isEmpty()) {
                    errors.put("day", refused.getMessage());
                }
            }
        }
        model.addAttribute("day", chosen);
        model.addAttribute("report", report);
        model.addAttribute("errors", errors);
        return "ordering/reconciliation";
    }

    // --- typed text -------------------------------------------------------------------------------------------

    private String text(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, locale);
    }

    private <E extends Enum<E>> @Nullable E choice(Class<E> type, @Nullable String value, String field,
            Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            errors.put(field, text("ordering.form.choice"));
            return null;
        }
    }

    private @Nullable LocalDate date(@Nullable String value, String field, Map<String, String> errors) {
        return FormValues.date(value, field, errors, text("ordering.form.date"));
    }

    private @Nullable BigDecimal amount(@Nullable String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value.trim());
            if (amount.abs().compareTo(new BigDecimal("1e12")) > 0) {
                errors.put(field, text("ordering.form.amount"));
                return null;
            }
            return amount;
        } catch (NumberFormatException e) {
            errors.put(field, text("ordering.form.amount"));
            return null;
        }
    }

    private @Nullable Long number(@Nullable String value, String field, Map<String, String> errors) {
        return FormValues.number(value, field, errors, text("ordering.form.number"));
    }
}
