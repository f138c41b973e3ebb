package io.shopops.marketing.web;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shopops.marketing.CouponKind;
import io.shopops.marketing.CouponTemplateId;
import io.shopops.marketing.CouponTemplateStatus;
import io.shopops.marketing.CouponTemplateView;
import io.shopops.marketing.Coupons;
import io.shopops.marketing.NewCouponTemplate;
import io.shopops.marketing.TargetScope;
import io.shopops.shared.DomainException;
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
 * Coupon management (優惠券): templates with what became of their coupons (issued, claimed, used, expired, cost),
 * a form for new ones, activation and stopping, and bulk issue to a list of customers.
 */
@ConsoleController
@RequestMapping("/console/marketing/coupons")
class CouponConsole {

    private final Coupons coupons;
    private final ShopProperties shop;
    private final MessageSource messages;
    private final JsonMapper json;

    CouponConsole(Coupons coupons, ShopProperties shop, MessageSource messages, JsonMapper json) {
        this.coupons = coupons;
        this.shop = shop;
        this.messages = messages;
        this.json = json;
    }

    record Form(@Nullable String name, @Nullable String description, @Nullable String redeemCode,
            @Nullable String kind, @Nullable String amountOff, @Nullable String percentOff,
            @Nullable String maxDiscount, @Nullable String threshold, @Nullable String scope,
            @Nullable String targetIds, @Nullable String stacksWithPromotions, @Nullable String belowCostAllowed,
            @Nullable String claimable, @Nullable String issueFrom, @Nullable String issueUntil,
            @Nullable String validUntil, @Nullable String validDays, @Nullable String totalQuantity,
            @Nullable String perCustomerLimit, @Nullable String campaignCode) {
    }

    @GetMapping
    @RequiresPermission("marketing:read")
    String list(@RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") int page,
            Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        CouponTemplateStatus s = FormValues.choice(CouponTemplateStatus.class, status, "status", errors, PromotionConsole.NOT_A_CHOICE);
        model.addAttribute("rows", coupons.find(s, q, new PageQuery(Math.max(0, Math.min(page, 100_000)), 50)));
        model.addAttribute("status", status);
        model.addAttribute("q", q);
        model.addAttribute("statuses", CouponTemplateStatus.values());
        model.addAttribute("errors", errors);
        return "marketing/coupons";
    }

    @GetMapping("/new")
    @RequiresPermission("marketing:write")
    String newForm(Model model) {
        Instant now = Instant.now();
        return form(model, new Form("", "", "", CouponKind.FIXED_AMOUNT.name(), "", "", "", "0",
                TargetScope.ALL.name(), "", "on", "", "on", MarketingForms.local(now, shop.zone()),
                MarketingForms.local(now.plus(Duration.ofDays(30)), shop.zone()), "", "7", "1000", "1", ""),
                Map.of());
    }

    private String form(Model model, Form form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", CouponKind.values());
        model.addAttribute("scopes", TargetScope.values());
        model.addAttribute("zone", shop.zone());
        return "marketing/coupon-form";
    }

    @PostMapping
    @RequiresPermission("marketing:write")
    String create(Form f, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        NewCouponTemplate template = new NewCouponTemplate(f.name(), f.description(), f.redeemCode(),
                FormValues.choice(CouponKind.class, f.kind(), "kind", errors, PromotionConsole.NOT_A_CHOICE),
                MarketingForms.decimal(f.amountOff(), "amountOff", errors),
                MarketingForms.decimal(f.percentOff(), "percentOff", errors),
                MarketingForms.decimal(f.maxDiscount(), "maxDiscount", errors),
                MarketingForms.decimal(f.threshold(), "threshold", errors),
                FormValues.choice(TargetScope.class, f.scope(), "scope", errors, PromotionConsole.NOT_A_CHOICE),
                MarketingForms.ids(f.targetIds(), "targetIds", errors), f.stacksWithPromotions() != null,
                f.belowCostAllowed() != null, f.claimable() != null,
                MarketingForms.time(f.issueFrom(), shop.zone(), "issueFrom", errors),
                MarketingForms.time(f.issueUntil(), shop.zone(), "issueUntil", errors), null,
                MarketingForms.time(f.validUntil(), shop.zone(), "validUntil", errors),
                MarketingForms.integer(f.validDays(), "validDays", errors),
                MarketingForms.integer(f.totalQuantity(), "totalQuantity", errors),
                MarketingForms.integer(f.perCustomerLimit(), "perCustomerLimit", errors), f.campaignCode());
        if (errors.isEmpty()) {
            try {
                CouponTemplateView created = coupons.create(template);
                redirect.addFlashAttribute("flash", text("marketing.flash.couponCreated", created.name()));
                return "redirect:/console/marketing/coupons/" + created.id();
            } catch (DomainException refused) {
                PromotionConsole.collect(refused, errors);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(model, f, errors);
    }

    @GetMapping("/{id}")
    @RequiresPermission("marketing:read")
    String detail(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
        return detailPage(model, coupons.template(new CouponTemplateId(id)), page, Map.of(), null);
    }

    private String detailPage(Model model, CouponTemplateView template, int page, Map<String, String> errors,
            Coupons.@Nullable IssueResult issued) {
        model.addAttribute("template", template);
        model.addAttribute("coupons", coupons.coupons(template.id(),
                new PageQuery(Math.max(0, Math.min(page, 100_000)), 50)));
        model.addAttribute("errors", errors);
        model.addAttribute("issued", issued);
        model.addAttribute("statsChart", chart(template.stats()));
        return "marketing/coupon";
    }

    @PostMapping("/{id}/activate")
    @RequiresPermission("marketing:publish")
    String activate(@PathVariable long id, @RequestParam long version, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        return act(id, model, redirect, response, "marketing.flash.activated",
                () -> coupons.activate(new CouponTemplateId(id), version));
    }

    @PostMapping("/{id}/stop")
    @RequiresPermission("marketing:publish")
    String stop(@PathVariable long id, @RequestParam long version, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        return act(id, model, redirect, response, "marketing.flash.couponStopped",
                () -> coupons.stop(new CouponTemplateId(id), version));
    }

    @PostMapping("/{id}/issue")
    @RequiresPermission("marketing:write")
    String issue(@PathVariable long id, @RequestParam(required = false) @Nullable String customerIds, Model model,
            HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<Long> ids = MarketingForms.ids(customerIds, "customerIds", errors);
        Coupons.IssueResult result = null;
        if (errors.isEmpty()) {
            try {
                result = coupons.issue(new CouponTemplateId(id), ids);
            } catch (DomainException refused) {
                PromotionConsole.collect(refused, errors);
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return detailPage(model, coupons.template(new CouponTemplateId(id)), 0, errors, result);
    }

    private String act(long id, Model model, RedirectAttributes redirect, HttpServletResponse response, String flash,
            java.util.function.Supplier<CouponTemplateView> action) {
        try {
            CouponTemplateView done = action.get();
            redirect.addFlashAttribute("flash", text(flash, done.name()));
            return "redirect:/console/marketing/coupons/" + id;
        } catch (DomainException refused) {
            Map<String, String> errors = new LinkedHashMap<>();
            PromotionConsole.collect(refused, errors);
            response.setStatus(refused instanceof io.shopops.shared.ConflictException ? 409 : 422);
            return detailPage(model, coupons.template(new CouponTemplateId(id)), 0, errors, null);
        }
    }

    private String chart(CouponTemplateView.Stats stats) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", "pie");
        spec.put("labels", List.of(text("marketing.coupon.used"), text("marketing.coupon.available"),
                text("marketing.coupon.expired"), text("marketing.coupon.void")));
        spec.put("series", List.of(Map.of("name", "", "data", List.of(stats.used(), stats.available(),
                stats.expired(), stats.voided()))));
        return json.writeValueAsString(spec);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
