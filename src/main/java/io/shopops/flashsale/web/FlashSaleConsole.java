package io.shopops.flashsale.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.shopops.catalog.Catalog;
import io.shopops.flashsale.FlashSaleId;
import io.shopops.flashsale.FlashSaleStatus;
import io.shopops.flashsale.FlashSaleSummary;
import io.shopops.flashsale.FlashSaleView;
import io.shopops.flashsale.FlashSales;
import io.shopops.flashsale.NewFlashSale;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.ConflictException;
import io.shopops.shared.DomainException;
import io.shopops.shared.FieldViolation;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.ShopProperties;
import io.shopops.shared.web.ConsoleController;
import io.shopops.shared.web.ConsoleFormat;
import io.shopops.shared.web.FormValues;
import io.shopops.shared.web.RequiresPermission;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Console pages for flash sales (秒杀): the sessions with their status and quota taken, the editor of a draft (SKU
 * rows with flash price, quota and per-customer limit; field errors next to the inputs), and a session's page with
 * each SKU's live quota bar (htmx polls it every two seconds while the session is scheduled) and the actions
 * (schedule, cancel) for members who may publish.
 */
@ConsoleController
@RequestMapping("/console/flash-sales")
class FlashSaleConsole {

    private static final int PAGE_SIZE = 50;
    private static final Map<FlashSaleStatus, String> BADGES = new EnumMap<>(Map.of(FlashSaleStatus.DRAFT, "",
            FlashSaleStatus.SCHEDULED, "warn", FlashSaleStatus.ENDED, "ok", FlashSaleStatus.CANCELLED, "danger"));

    private final FlashSales sales;
    private final Catalog catalog;
    private final ConsoleFormat format;
    private final ShopProperties shop;
    private final MessageSource messages;
    private final Clock clock;

    FlashSaleConsole(FlashSales sales, Catalog catalog, ConsoleFormat format, ShopProperties shop,
            MessageSource messages, Clock clock) {
        this.sales = sales;
        this.catalog = catalog;
        this.format = format;
        this.shop = shop;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    @RequiresPermission("marketing:read")
    String list(@RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "0") String page, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        FlashSaleStatus chosen = null;
        if (status != null && !status.isBlank()) {
            try {
                chosen = FlashSaleStatus.valueOf(status.trim());
            } catch (IllegalArgumentException e) {
                errors.put("status", text("flashsale.form.choice"));
            }
        }
        Long pageNumber = FormValues.number(page, "page", errors, text("flashsale.form.number"));
        Page<FlashSaleSummary> rows = Page.of(List.of(), PageQuery.first(PAGE_SIZE), 0);
        if (errors.isEmpty()) {
            rows = sales.find(chosen, new PageQuery((int) Math.min(Math.max(0, pageNumber == null ? 0 : pageNumber),
                    100_000), PAGE_SIZE));
        }
        model.addAttribute("status", status);
        model.addAttribute("statuses", FlashSaleStatus.values());
        model.addAttribute("badges", BADGES);
        model.addAttribute("rows", rows);
        model.addAttribute("errors", errors);
        return "flashsale/sales";
    }

    @GetMapping("/{id}")
    @RequiresPermission("marketing:read")
    String detail(@PathVariable long id, Model model) {
        return detailPage(sales.sale(new FlashSaleId(id)), Map.of(), model);
    }

    /** The quota bars alone, for htmx to swap in every two seconds. */
    @GetMapping("/{id}/quotas")
    @RequiresPermission("marketing:read")
    String quotas(@PathVariable long id, Model model) {
        model.addAttribute("sale", sales.sale(new FlashSaleId(id)));
        return "flashsale/sale :: quotas";
    }

    private String detailPage(FlashSaleView sale, Map<String, String> errors, Model model) {
        model.addAttribute("sale", sale);
        model.addAttribute("badges", BADGES);
        model.addAttribute("errors", errors);
        model.addAttribute("canEdit", sale.status() == FlashSaleStatus.DRAFT);
        model.addAttribute("canSchedule", sale.status() == FlashSaleStatus.DRAFT);
        model.addAttribute("canCancel", sale.status().canMoveTo(FlashSaleStatus.CANCELLED));
        return "flashsale/sale";
    }

    // --- editor -----------------------------------------------------------------------------------------------

    @GetMapping("/new")
    @RequiresPermission("marketing:write")
    String newSale(Model model) {
        Instant start = Instant.now(clock).plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.HOURS);
        return form(FlashSaleForm.empty(format.inputTime(start), format.inputTime(start.plus(Duration.ofHours(1)))),
                null, Map.of(), model);
    }

    @PostMapping
    @RequiresPermission("marketing:write")
    String create(@ModelAttribute("form") FlashSaleForm form, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        FlashSaleForm shown = form.compacted();
        Map<String, String> errors = new LinkedHashMap<>();
        NewFlashSale sale = parse(shown, errors);
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(shown, null, errors, model);
        }
        try {
            FlashSaleView created = sales.create(sale);
            redirect.addFlashAttribute("flash", text("flashsale.flash.created", created.name()));
            return "redirect:/console/flash-sales/" + created.id();
        } catch (NotFoundException missing) {
            throw missing;
        } catch (DomainException refused) {
            response.setStatus(status(refused));
            return form(shown, null, errors(refused), model);
        }
    }

    @GetMapping("/{id}/edit")
    @RequiresPermission("marketing:write")
    String edit(@PathVariable long id, Model model, RedirectAttributes redirect) {
        FlashSaleView sale = sales.sale(new FlashSaleId(id));
        if (sale.status() != FlashSaleStatus.DRAFT) {
            redirect.addFlashAttribute("flash", text("flashsale.flash.notDraft"));
            return "redirect:/console/flash-sales/" + id;
        }
        return form(FlashSaleForm.of(sale, format::inputTime), sale, Map.of(), model);
    }

    @PostMapping("/{id}")
    @RequiresPermission("marketing:write")
    String update(@PathVariable long id, @ModelAttribute("form") FlashSaleForm form, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        FlashSaleView sale = sales.sale(new FlashSaleId(id));
        FlashSaleForm shown = form.compacted();
        Map<String, String> errors = new LinkedHashMap<>();
        NewFlashSale changed = parse(shown, errors);
        if (form.version() == null) {
            errors.put("version", text("flashsale.form.required"));
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(shown, sale, errors, model);
        }
        try {
            sales.update(sale.id(), changed, form.version());
            redirect.addFlashAttribute("flash", text("flashsale.flash.saved", sale.name()));
            return "redirect:/console/flash-sales/" + id;
        } catch (NotFoundException missing) {
            throw missing;
        } catch (DomainException refused) {
            response.setStatus(status(refused));
            return form(shown, sale, errors(refused), model);
        }
    }

    private NewFlashSale parse(FlashSaleForm form, Map<String, String> errors) {
        return form.sale(shop.zone(), code -> catalog.skuByCode(code).orElse(null), errors, this::text);
    }

    private String form(FlashSaleForm form, @Nullable FlashSaleView sale, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("rows", form.rows());
        model.addAttribute("sale", sale);
        model.addAttribute("errors", errors);
        return "flashsale/sale-form";
    }

    // --- actions ----------------------------------------------------------------------------------------------

    @PostMapping("/{id}/schedule")
    @RequiresPermission("marketing:publish")
    String schedule(@PathVariable long id, @RequestParam(required = false) @Nullable Long version, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        return act(id, () -> sales.schedule(new FlashSaleId(id), version), "flashsale.flash.scheduled", model,
                redirect, response);
    }

    @PostMapping("/{id}/cancel")
    @RequiresPermission("marketing:publish")
    String cancel(@PathVariable long id, @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable Long version, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        return act(id, () -> sales.cancel(new FlashSaleId(id), reason, version), "flashsale.flash.cancelled", model,
                redirect, response);
    }

    /** Post/redirect/get with a flash message; the session's page with the refusal otherwise (400, 409 or 422). */
    private String act(long id, Supplier<FlashSaleView> action, String flash, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        try {
            FlashSaleView after = action.get();
            redirect.addFlashAttribute("flash", text(flash, after.name()));
            return "redirect:/console/flash-sales/" + id;
        } catch (NotFoundException missing) {
            throw missing;
        } catch (DomainException refused) {
            response.setStatus(status(refused));
            return detailPage(sales.sale(new FlashSaleId(id)), errors(refused), model);
        }
    }

    private static int status(DomainException refused) {
        return switch (refused) {
            case BusinessRuleException rule -> 422;
            case ConflictException conflict -> HttpServletResponse.SC_CONFLICT;
            default -> HttpServletResponse.SC_BAD_REQUEST;
        };
    }

    private static Map<String, String> errors(DomainException refused) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldViolation violation : refused.violations()) {
            errors.merge(violation.field(), violation.reason(), (a, b) -> a + "; " + b);
        }
        if (errors.isEmpty()) {
            errors.put("form", refused.getMessage());
        }
        return errors;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
