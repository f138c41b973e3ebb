package io.shopops.marketing.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.shopops.marketing.DryRun;
import io.shopops.marketing.NewPromotion;
import io.shopops.marketing.PromotionId;
import io.shopops.marketing.PromotionKind;
import io.shopops.marketing.PromotionStatus;
import io.shopops.marketing.PromotionView;
import io.shopops.marketing.Promotions;
import io.shopops.marketing.TargetScope;
import io.shopops.ordering.SalesChannel;
import io.shopops.shared.DomainException;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.ShopProperties;
import io.shopops.shared.web.ConsoleController;
import io.shopops.shared.web.FormValues;
import io.shopops.shared.web.RequiresPermission;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

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
 * The promotion builder (促銷): the list by status and kind, a form for every kind, and one promotion with its
 * conflicts with the published ones, a dry run over the last days' baskets (with a chart of its daily cost), and
 * publish / stop for members who may put promotions live.
 */
@ConsoleController
@RequestMapping("/console/marketing/promotions")
class PromotionConsole {

    private static final int PAGE_SIZE = 50;
    static final String NOT_A_CHOICE = "is not one of the choices";

    private final Promotions promotions;
    private final ShopProperties shop;
    private final MessageSource messages;
    private final JsonMapper json;

    PromotionConsole(Promotions promotions, ShopProperties shop, MessageSource messages, JsonMapper json) {
        this.promotions = promotions;
        this.shop = shop;
        this.messages = messages;
        this.json = json;
    }

    /** The form as typed: strings, so that a refused form shows exactly what was entered. */
    record Form(@Nullable String code, @Nullable String name, @Nullable String description, @Nullable String kind,
            @Nullable String startsAt, @Nullable String endsAt, @Nullable String scope, @Nullable String targetIds,
            @Nullable List<String> channels, @Nullable String percentOff, @Nullable String amountOff,
            @Nullable String tiers, @Nullable String buyQuantity, @Nullable String freeQuantity,
            @Nullable String giftSkuId, @Nullable String threshold, @Nullable String bundlePrice,
            @Nullable String stackable, @Nullable String belowCostAllowed, @Nullable String budget,
            @Nullable String perCustomerLimit, @Nullable String priority, @Nullable String campaignCode) {
    }

    @GetMapping
    @RequiresPermission("marketing:read")
    String list(@RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String kind, @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        PromotionStatus s = FormValues.choice(PromotionStatus.class, status, "status", errors, NOT_A_CHOICE);
        PromotionKind k = FormValues.choice(PromotionKind.class, kind, "kind", errors, NOT_A_CHOICE);
        Page<PromotionView> rows = errors.isEmpty()
                ? promotions.find(s, k, q, new PageQuery(Math.max(0, Math.min(page, 100_000)), PAGE_SIZE))
                : Page.of(List.of(), PageQuery.first(PAGE_SIZE), 0);
        model.addAttribute("rows", rows);
        model.addAttribute("status", status);
        model.addAttribute("kind", kind);
        model.addAttribute("q", q);
        model.addAttribute("statuses", PromotionStatus.values());
        model.addAttribute("kinds", PromotionKind.values());
        model.addAttribute("errors", errors);
        return "marketing/promotions";
    }

    @GetMapping("/new")
    @RequiresPermission("marketing:write")
    String newForm(Model model) {
        Instant start = Instant.now().plus(Duration.ofHours(1));
        Form blank = new Form("", "", "", PromotionKind.LIMITED_TIME_DISCOUNT.name(),
                MarketingForms.local(start, shop.zone()), MarketingForms.local(start.plus(Duration.ofDays(7)),
                        shop.zone()), TargetScope.SKUS.name(), "", List.of(), "", "", "", "", "", "", "", "", "on", "",
                "", "", "0", "");
        return form(model, blank, Map.of());
    }

    private String form(Model model, Form form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", PromotionKind.values());
        model.addAttribute("scopes", TargetScope.values());
        model.addAttribute("channels", EnumSet.allOf(SalesChannel.class));
        model.addAttribute("zone", shop.zone());
        return "marketing/promotion-form";
    }

    @PostMapping
    @RequiresPermission("marketing:write")
    String create(Form form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        NewPromotion promotion = read(form, errors);
        if (errors.isEmpty()) {
            try {
                PromotionView created = promotions.create(promotion);
                redirect.addFlashAttribute("flash", text("marketing.flash.created", created.code()));
                return "redirect:/console/marketing/promotions/" + created.id();
            } catch (DomainException refused) {
                collect(refused, errors);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(model, form, errors);
    }

    private NewPromotion read(Form f, Map<String, String> errors) {
        PromotionKind kind = FormValues.choice(PromotionKind.class, f.kind(), "kind", errors, NOT_A_CHOICE);
        TargetScope scope = FormValues.choice(TargetScope.class, f.scope(), "scope", errors, NOT_A_CHOICE);
        Set<SalesChannel> channels = EnumSet.noneOf(SalesChannel.class);
        if (f.channels() != null) {
            for (String channel : f.channels()) {
                SalesChannel c = FormValues.choice(SalesChannel.class, channel, "channels", errors, NOT_A_CHOICE);
                if (c != null) {
                    channels.add(c);
                }
            }
        }
        List<NewPromotion.Tier> tiers = new ArrayList<>();
        for (String[] tier : MarketingForms.tiers(f.tiers(), "tiers", errors)) {
            tiers.add(new NewPromotion.Tier(MarketingForms.decimal(tier[0], "tiers", errors),
                    MarketingForms.decimal(tier[1], "tiers", errors)));
        }
        Integer giftSku = MarketingForms.integer(f.giftSkuId(), "giftSkuId", errors);
        return new NewPromotion(f.code(), f.name(), f.description(), kind,
                MarketingForms.time(f.startsAt(), shop.zone(), "startsAt", errors),
                MarketingForms.time(f.endsAt(), shop.zone(), "endsAt", errors), scope,
                MarketingForms.ids(f.targetIds(), "targetIds", errors), channels, null, null,
                MarketingForms.decimal(f.percentOff(), "percentOff", errors),
                MarketingForms.decimal(f.amountOff(), "amountOff", errors), tiers.isEmpty() ? null : tiers,
                MarketingForms.integer(f.buyQuantity(), "buyQuantity", errors),
                MarketingForms.integer(f.freeQuantity(), "freeQuantity", errors),
                giftSku == null ? null : giftSku.longValue(),
                MarketingForms.decimal(f.threshold(), "threshold", errors),
                MarketingForms.decimal(f.bundlePrice(), "bundlePrice", errors), f.stackable() != null,
                f.belowCostAllowed() != null, MarketingForms.decimal(f.budget(), "budget", errors),
                MarketingForms.integer(f.perCustomerLimit(), "perCustomerLimit", errors),
                MarketingForms.integer(f.priority(), "priority", errors), f.campaignCode());
    }

    @GetMapping("/{id}")
    @RequiresPermission("marketing:read")
    String detail(@PathVariable long id, @RequestParam(required = false) @Nullable String days, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        PromotionView promotion = promotions.promotion(new PromotionId(id));
        if (days != null) {
            Integer n = MarketingForms.integer(days, "days", errors);
            if (n != null) {
                try {
                    DryRun run = promotions.dryRun(promotion.id(), n);
                    model.addAttribute("dryRun", run);
                    model.addAttribute("dryRunChart", chart(run));
                } catch (DomainException refused) {
                    collect(refused, errors);
                }
            }
        }
        return detailPage(model, promotion, errors, days);
    }

    private String detailPage(Model model, PromotionView promotion, Map<String, String> errors,
            @Nullable String days) {
        model.addAttribute("promotion", promotion);
        model.addAttribute("conflicts", promotions.conflicts(promotion.id()));
        model.addAttribute("errors", errors);
        model.addAttribute("days", days == null ? "30" : days);
        return "marketing/promotion";
    }

    @PostMapping("/{id}/publish")
    @RequiresPermission("marketing:publish")
    String publish(@PathVariable long id, @RequestParam long version, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            PromotionView published = promotions.publish(new PromotionId(id), version);
            redirect.addFlashAttribute("flash", text("marketing.flash.published", published.code()));
            return "redirect:/console/marketing/promotions/" + id;
        } catch (DomainException refused) {
            Map<String, String> errors = new LinkedHashMap<>();
            collect(refused, errors);
            response.setStatus(refused instanceof io.shopops.shared.ConflictException ? 409 : 422);
            return detailPage(model, promotions.promotion(new PromotionId(id)), errors, null);
        }
    }

    @PostMapping("/{id}/stop")
    @RequiresPermission("marketing:publish")
    String stop(@PathVariable long id, @RequestParam long version,
            @RequestParam(required = false) @Nullable String reason, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            PromotionView stopped = promotions.stop(new PromotionId(id), reason, version);
            redirect.addFlashAttribute("flash", text("marketing.flash.stopped", stopped.code()));
            return "redirect:/console/marketing/promotions/" + id;
        } catch (DomainException refused) {
            Map<String, String> errors = new LinkedHashMap<>();
            collect(refused, errors);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return detailPage(model, promotions.promotion(new PromotionId(id)), errors, null);
        }
    }

    private String chart(DryRun run) {
        List<String> labels = new ArrayList<>();
        List<BigDecimal> cost = new ArrayList<>();
        List<Long> touched = new ArrayList<>();
        for (DryRun.Day day : run.byDay()) {
            labels.add(day.day().toString().substring(5));
            cost.add(day.discountCost().amount());
            touched.add(day.ordersTouched());
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", "bar");
        spec.put("labels", labels);
        spec.put("series", List.of(Map.of("name", text("marketing.dryRun.cost"), "data", cost),
                Map.of("name", text("marketing.dryRun.touched"), "data", touched)));
        return json.writeValueAsString(spec);
    }

    static void collect(DomainException refused, Map<String, String> errors) {
        refused.violations().forEach(v -> errors.putIfAbsent(v.field(), v.reason()));
        if (refused.violations().isEmpty()) {
            errors.put("form", refused.getMessage());
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
