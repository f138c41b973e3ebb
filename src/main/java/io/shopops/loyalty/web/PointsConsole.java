package io.shopops.loyalty.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.shopops.customer.CustomerId;
import io.shopops.customer.Customers;
import io.shopops.loyalty.Points;
import io.shopops.loyalty.PointsEntry;
import io.shopops.shared.DomainException;
import io.shopops.shared.PageQuery;
import io.shopops.shared.web.ConsoleController;
import io.shopops.shared.web.FormErrors;
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

/** A customer's loyalty points in the console: balance, what expires next, the ledger, and adjustments by hand. */
@ConsoleController
@RequestMapping("/console/customers/{id}/points")
class PointsConsole {

    private static final int PAGE_SIZE = 50;

    private final Points points;
    private final Customers customers;
    private final MessageSource messages;

    PointsConsole(Points points, Customers customers, MessageSource messages) {
        this.points = points;
        this.customers = customers;
        this.messages = messages;
    }

    @GetMapping
    @RequiresPermission("customer:read")
    String show(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
        return page(model, new CustomerId(id), Math.max(0, Math.min(page, 100_000)), Map.of(), null, null);
    }

    private String page(Model model, CustomerId id, int page, Map<String, String> errors, @Nullable String typedPoints,
            @Nullable String typedReason) {
        model.addAttribute("customer", customers.customer(id));
        model.addAttribute("account", points.account(id));
        model.addAttribute("entries", points.entries(id, new PageQuery(page, PAGE_SIZE)));
        model.addAttribute("errors", errors);
        model.addAttribute("typedPoints", typedPoints);
        model.addAttribute("typedReason", typedReason);
        return "loyalty/points";
    }

    @PostMapping("/adjustments")
    @RequiresPermission("customer:points")
    String adjust(@PathVariable long id, @RequestParam(required = false) @Nullable String points,
            @RequestParam(required = false) @Nullable String reason, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        Long amount = FormValues.number(points, "points", errors, "must be a whole number of points");
        if (errors.isEmpty()) {
            try {
                PointsEntry entry = this.points.adjust(new CustomerId(id), amount, reason);
                redirect.addFlashAttribute("flash", messages.getMessage("loyalty.flash.adjusted",
                        new Object[] {entry.points(), entry.balanceAfter()}, LocaleContextHolder.getLocale()));
                return "redirect:/console/customers/" + id + "/points";
            } catch (DomainException refused) {
                errors.putAll(FormErrors.of(refused));
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(model, new CustomerId(id), 0, errors, points, reason);
    }
}
