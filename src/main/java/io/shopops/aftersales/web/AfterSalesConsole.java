package io.shopops.aftersales.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.shopops.aftersales.AfterSales;
import io.shopops.aftersales.AfterSalesId;
import io.shopops.aftersales.AfterSalesKind;
import io.shopops.aftersales.AfterSalesQuery;
import io.shopops.aftersales.AfterSalesReason;
import io.shopops.aftersales.AfterSalesStatus;
import io.shopops.aftersales.AfterSalesSummary;
import io.shopops.aftersales.AfterSalesView;
import io.shopops.aftersales.RefundProgress;
import io.shopops.aftersales.ReturnReceipt;
import io.shopops.inventory.WarehouseId;
import io.shopops.inventory.WarehouseView;
import io.shopops.inventory.Warehouses;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.ConflictException;
import io.shopops.shared.DomainException;
import io.shopops.shared.FieldViolation;
import io.shopops.shared.InvalidInputException;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.web.ConsoleController;
import io.shopops.shared.web.FormValues;
import io.shopops.shared.web.RequiresPermission;
import jakarta.servlet.http.HttpServletRequest;
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
 * Console pages for after-sales (售后): the list with counts by status and its filters, and one request with its
 * lines, parcel back, decision, refund and timeline, where members who may decide approve, reject, receive the
 * parcel back and retry a refund the provider declined.
 */
@ConsoleController
@RequestMapping("/console/after-sales")
class AfterSalesConsole {

    private static final int PAGE_SIZE = 50;
    private static final Map<AfterSalesStatus, String> BADGES = new EnumMap<>(Map.of(
            AfterSalesStatus.REQUESTED, "warn", AfterSalesStatus.APPROVED, "", AfterSalesStatus.RETURN_SHIPPED, "",
            AfterSalesStatus.RECEIVED, "", AfterSalesStatus.REFUNDED, "ok", AfterSalesStatus.REJECTED, "danger",
            AfterSalesStatus.CANCELLED, "danger"));

    private final AfterSales afterSales;
    private final Warehouses warehouses;
    private final MessageSource messages;

    AfterSalesConsole(AfterSales afterSales, Warehouses warehouses, MessageSource messages) {
        this.afterSales = afterSales;
        this.warehouses = warehouses;
        this.messages = messages;
    }

    /** The list's filters as typed, so that the form shows them again; {@code number} is an order or request. */
    record Filter(@Nullable String status, @Nullable String kind, @Nullable String reason, @Nullable String number,
            @Nullable String from, @Nullable String to) {
    }

    @GetMapping
    @RequiresPermission("aftersales:read")
    String list(Filter filter, @RequestParam(defaultValue = "0") String page, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        AfterSalesStatus status = choice(AfterSalesStatus.class, filter.status(), "status", errors);
        AfterSalesKind kind = choice(AfterSalesKind.class, filter.kind(), "kind", errors);
        AfterSalesReason reason = choice(AfterSalesReason.class, filter.reason(), "reason", errors);
        LocalDate from = date(filter.from(), "from", errors);
        LocalDate to = date(filter.to(), "to", errors);
        Long pageNumber = number(page, "page", errors);
        Page<AfterSalesSummary> rows = Page.of(List.of(), PageQuery.first(PAGE_SIZE), 0);
        if (errors.isEmpty()) {
            try {
                rows = afterSales.find(new AfterSalesQuery(status, kind, reason, filter.number(), null, from, to),
                        new PageQuery((int) Math.min(Math.max(0, pageNumber == null ? 0 : pageNumber), 100_000),
                                PAGE_SIZE));
            } catch (DomainException refused) {
                refused.violations().forEach(v -> errors.putIfAbsent(v.field(), v.reason()));
                if (refused.violations().isEmpty()) {
                    errors.put("form", refused.getMessage());
                }
            }
        }
        model.addAttribute("filter", filter);
        model.addAttribute("counts", afterSales.countByStatus());
        model.addAttribute("statuses", AfterSalesStatus.values());
        model.addAttribute("kinds", AfterSalesKind.values());
        model.addAttribute("reasons", AfterSalesReason.values());
        model.addAttribute("badges", BADGES);
        model.addAttribute("rows", rows);
        model.addAttribute("errors", errors);
        return "aftersales/requests";
    }

    @GetMapping("/{id}")
    @RequiresPermission("aftersales:read")
    String detail(@PathVariable long id, Model model) {
        return detailPage(model, afterSales.request(new AfterSalesId(id)), Map.of(), null, Map.of());
    }

    /**
     * The request's page; after a refusal with the errors, the form that failed and what was typed into it
     * ({@code typed} is keyed by the inputs' names).
     */
    private String detailPage(Model model, AfterSalesView request, Map<String, String> errors,
            @Nullable String failedForm, Map<String, String> typed) {
        model.addAttribute("request", request);
        model.addAttribute("errors", errors);
        model.addAttribute("failedForm", failedForm);
        model.addAttribute("typed", typed);
        model.addAttribute("badges", BADGES);
        model.addAttribute("warehouses", warehouseLabels());
        model.addAttribute("canApprove", request.status().canMoveTo(request.kind(), AfterSalesStatus.APPROVED));
        model.addAttribute("canReject", request.status().canMoveTo(request.kind(), AfterSalesStatus.REJECTED));
        model.addAttribute("canReceive", request.status().canMoveTo(request.kind(), AfterSalesStatus.RECEIVED));
        model.addAttribute("canRetry", request.refundProgress() == RefundProgress.FAILED);
        return "aftersales/request";
    }

    @PostMapping("/{id}/approve")
    @RequiresPermission("aftersales:decide")
    String approve(@PathVariable long id, @RequestParam(required = false) @Nullable String note, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Map<String, String> typed = new HashMap<>();
        typed.put("note", note);
        return act(id, "approve", typed, errors -> afterSales.approve(new AfterSalesId(id), note),
                "aftersales.flash.approved", model, redirect, response);
    }

    @PostMapping("/{id}/reject")
    @RequiresPermission("aftersales:decide")
    String reject(@PathVariable long id, @RequestParam(required = false) @Nullable String reason, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        Map<String, String> typed = new HashMap<>();
        typed.put("reason", reason);
        return act(id, "reject", typed, errors -> afterSales.reject(new AfterSalesId(id), reason),
                "aftersales.flash.rejected", model, redirect, response);
    }

    /**
     * The parcel back as the warehouse counted it: per line of the request (in the request's order) the inputs
     * {@code lines[i].restocked} and {@code lines[i].damaged}, named as the facade names its fields so that its
     * reasons land on the right input. Only the request's own lines are read.
     */
    @PostMapping("/{id}/receive")
    @RequiresPermission("aftersales:receive")
    String receive(@PathVariable long id, @RequestParam(required = false) @Nullable String note,
            HttpServletRequest http, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        AfterSalesId requestId = new AfterSalesId(id);
        List<AfterSalesView.Line> lines = afterSales.request(requestId).lines();
        Map<String, String> typed = new HashMap<>();
        typed.put("note", note);
        for (int i = 0; i < lines.size(); i++) {
            for (String count : List.of("restocked", "damaged")) {
                String name = "lines[%d].%s".formatted(i, count);
                typed.put(name, http.getParameter(name));
            }
        }
        return act(id, "receive", typed, errors -> {
            List<ReturnReceipt.Line> counted = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String restocked = "lines[%d].restocked".formatted(i);
                String damaged = "lines[%d].damaged".formatted(i);
                counted.add(new ReturnReceipt.Line(lines.get(i).lineNo(),
                        units(typed.get(restocked), restocked, errors), units(typed.get(damaged), damaged, errors)));
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors.entrySet().stream()
                        .map(e -> new FieldViolation(e.getKey(), e.getValue())).toList());
            }
            return afterSales.receive(requestId, new ReturnReceipt(counted, note));
        }, "aftersales.flash.received", model, redirect, response);
    }

    @PostMapping("/{id}/retry-refund")
    @RequiresPermission("aftersales:decide")
    String retryRefund(@PathVariable long id, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        return act(id, "retry", Map.of(), errors -> afterSales.retryRefund(new AfterSalesId(id)),
                "aftersales.flash.retried", model, redirect, response);
    }

    /**
     * Post/redirect/get with a flash message on success; the request's page again with the refusal and what was
     * typed otherwise, answered 400 (bad input), 409 (changed meanwhile) or 422 (refused by a rule).
     */
    private String act(long id, String form, Map<String, String> typed,
            Function<Map<String, String>, AfterSalesView> action, String flash, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        try {
            AfterSalesView after = action.apply(new LinkedHashMap<>());
            redirect.addFlashAttribute("flash", text(flash, after.requestNo()));
            return "redirect:/console/after-sales/" + id;
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
            response.setStatus(switch (refused) {
                case BusinessRuleException rule -> 422;
                case ConflictException conflict -> HttpServletResponse.SC_CONFLICT;
                default -> HttpServletResponse.SC_BAD_REQUEST;
            });
            return detailPage(model, afterSales.request(new AfterSalesId(id)), errors, form, typed);
        }
    }

    // --- typed text -------------------------------------------------------------------------------------------

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    /** Units typed into the receipt: blank is none; anything but a whole number is refused on its input. */
    private @Nullable Integer units(@Nullable String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            errors.put(field, text("aftersales.form.number"));
            return null;
        }
    }

    private <E extends Enum<E>> @Nullable E choice(Class<E> type, @Nullable String value, String field,
            Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            errors.put(field, text("aftersales.form.choice"));
            return null;
        }
    }

    private @Nullable LocalDate date(@Nullable String value, String field, Map<String, String> errors) {
        LocalDate day = FormValues.date(value, field, errors, text("aftersales.form.date"));
        if (day != null && (day.getYear() < 2000 || day.getYear() > 2999)) {
            errors.put(field, text("aftersales.form.date"));
            return null;
        }
        return day;
    }

    private @Nullable Long number(@Nullable String value, String field, Map<String, String> errors) {
        return FormValues.number(value, field, errors, text("aftersales.form.number"));
    }

    /** "code · name" of every warehouse, for the lines' warehouse column. */
    private Map<WarehouseId, String> warehouseLabels() {
        return warehouses.all().stream().collect(Collectors.toMap(WarehouseView::id,
                w -> w.code() + " · " + w.name(), (a, b) -> a));
    }
}
