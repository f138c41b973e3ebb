package io.shopops.marketing.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shopops.marketing.CampaignAudienceKind;
import io.shopops.marketing.CampaignChannelKind;
import io.shopops.marketing.CampaignId;
import io.shopops.marketing.CampaignMetric;
import io.shopops.marketing.CampaignReport;
import io.shopops.marketing.CampaignReports;
import io.shopops.marketing.CampaignStatus;
import io.shopops.marketing.CampaignView;
import io.shopops.marketing.Campaigns;
import io.shopops.marketing.CouponTemplateId;
import io.shopops.marketing.Coupons;
import io.shopops.marketing.NewCampaign;
import io.shopops.shared.ConflictException;
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
 * The campaign dashboard (營銷活動): the list by status, the planning form (SMART objective, channels and budget
 * split, audience and hold-out), and one campaign's report with its charts, the spend ledger, launch / stop and
 * coupons to the treatment group.
 */
@ConsoleController
@RequestMapping("/console/marketing/campaigns")
class CampaignConsole {

    private static final int PAGE_SIZE = 50;
    static final int CHANNEL_ROWS = 6;

    private final Campaigns campaigns;
    private final CampaignReports reports;
    private final ShopProperties shop;
    private final MessageSource messages;
    private final JsonMapper json;

    CampaignConsole(Campaigns campaigns, CampaignReports reports, ShopProperties shop, MessageSource messages,
            JsonMapper json) {
        this.campaigns = campaigns;
        this.reports = reports;
        this.shop = shop;
        this.messages = messages;
        this.json = json;
    }

    /** The form as typed; the channels are parallel lists, one entry per row (blank rows are left out). */
    record Form(@Nullable String code, @Nullable String name, @Nullable String description,
            @Nullable String objectiveMetric, @Nullable String objectiveTarget, @Nullable String objectiveDeadline,
            @Nullable String objectiveRationale, @Nullable String startsAt, @Nullable String endsAt,
            @Nullable String attributionDays, @Nullable String audience, @Nullable String customerIds,
            @Nullable String holdoutPercent, @Nullable String landingUrl, @Nullable List<String> channelKind,
            @Nullable List<String> channelName, @Nullable List<String> channelSource,
            @Nullable List<String> channelMedium, @Nullable List<String> channelBudget) {

        public String at(@Nullable List<String> column, int row) {
            return column == null || row >= column.size() || column.get(row) == null ? "" : column.get(row);
        }
    }

    @GetMapping
    @RequiresPermission("marketing:read")
    String list(@RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") int page,
            Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        CampaignStatus s = FormValues.choice(CampaignStatus.class, status, "status", errors,
                PromotionConsole.NOT_A_CHOICE);
        Page<CampaignView> rows = errors.isEmpty()
                ? campaigns.find(s, q, new PageQuery(Math.max(0, Math.min(page, 100_000)), PAGE_SIZE))
                : Page.of(List.of(), PageQuery.first(PAGE_SIZE), 0);
        model.addAttribute("rows", rows);
        model.addAttribute("status", status);
        model.addAttribute("q", q);
        model.addAttribute("statuses", CampaignStatus.values());
        model.addAttribute("errors", errors);
        return "marketing/campaigns";
    }

    @GetMapping("/new")
    @RequiresPermission("marketing:write")
    String newForm(Model model) {
        Instant start = Instant.now().plus(Duration.ofDays(1));
        Instant end = start.plus(Duration.ofDays(14));
        Form blank = new Form("", "", "", CampaignMetric.GMV.name(), "", MarketingForms.local(end, shop.zone()), "",
                MarketingForms.local(start, shop.zone()), MarketingForms.local(end, shop.zone()), "7",
                CampaignAudienceKind.EVERYONE.name(), "", "", "", List.of(CampaignChannelKind.OWN_STORE.name()),
                List.of(""), List.of("store"), List.of(""), List.of("0"));
        return form(model, blank, Map.of(), null);
    }

    @GetMapping("/{id}/edit")
    @RequiresPermission("marketing:write")
    String editForm(@PathVariable long id, Model model) {
        CampaignView c = campaigns.campaign(new CampaignId(id));
        List<String> kinds = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<String> media = new ArrayList<>();
        List<String> budgets = new ArrayList<>();
        for (CampaignView.Channel ch : c.channels()) {
            kinds.add(ch.kind().name());
            names.add(ch.name());
            sources.add(ch.utmSource());
            media.add(ch.utmMedium() == null ? "" : ch.utmMedium());
            budgets.add(ch.budget().amount().toPlainString());
        }
        Form form = new Form(c.code(), c.name(), c.description(), c.objective().metric().name(),
                c.objective().target().toPlainString(), MarketingForms.local(c.objective().deadline(), shop.zone()),
                c.objective().rationale(), MarketingForms.local(c.startsAt(), shop.zone()),
                MarketingForms.local(c.endsAt(), shop.zone()), String.valueOf(c.attributionDays()),
                c.audience().name(), "", String.valueOf(c.holdoutPercent()),
                c.landingUrl() == null ? "" : c.landingUrl(), kinds, names, sources, media, budgets);
        return form(model, form, Map.of(), c);
    }

    private String form(Model model, Form form, Map<String, String> errors, @Nullable CampaignView editing) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("editing", editing);
        model.addAttribute("metrics", CampaignMetric.values());
        model.addAttribute("audiences", CampaignAudienceKind.values());
        model.addAttribute("channelKinds", CampaignChannelKind.values());
        model.addAttribute("rows", java.util.stream.IntStream.range(0, Math.max(CHANNEL_ROWS,
                form.channelName() == null ? 0 : form.channelName().size())).boxed().toList());
        model.addAttribute("zone", shop.zone());
        return "marketing/campaign-form";
    }

    @PostMapping
    @RequiresPermission("marketing:write")
    String create(Form form, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        NewCampaign campaign = read(form, errors);
        if (errors.isEmpty()) {
            try {
                CampaignView created = campaigns.create(campaign);
                redirect.addFlashAttribute("flash", text("marketing.campaign.flash.created", created.code()));
                return "redirect:/console/marketing/campaigns/" + created.id();
            } catch (DomainException refused) {
                PromotionConsole.collect(refused, errors);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(model, form, errors, null);
    }

    @PostMapping("/{id}")
    @RequiresPermission("marketing:write")
    String update(@PathVariable long id, @RequestParam(required = false) @Nullable Long version, Form form,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        NewCampaign campaign = read(form, errors);
        if (version == null) {
            errors.put("version", "is required");
        }
        if (errors.isEmpty()) {
            try {
                CampaignView updated = campaigns.update(new CampaignId(id), campaign, version);
                redirect.addFlashAttribute("flash", text("marketing.campaign.flash.updated", updated.code()));
                return "redirect:/console/marketing/campaigns/" + id;
            } catch (DomainException refused) {
                PromotionConsole.collect(refused, errors);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(model, form, errors, campaigns.campaign(new CampaignId(id)));
    }

    private NewCampaign read(Form f, Map<String, String> errors) {
        List<NewCampaign.Channel> channels = new ArrayList<>();
        int rows = f.channelName() == null ? 0 : f.channelName().size();
        for (int row = 0; row < rows; row++) {
            if (f.at(f.channelName(), row).isBlank() && f.at(f.channelSource(), row).isBlank()
                    && (f.at(f.channelBudget(), row).isBlank() || f.at(f.channelBudget(), row).trim().equals("0"))) {
                continue;
            }
            String at = "channels[" + channels.size() + "].";
            channels.add(new NewCampaign.Channel(
                    FormValues.choice(CampaignChannelKind.class, f.at(f.channelKind(), row), at + "kind", errors,
                            PromotionConsole.NOT_A_CHOICE),
                    f.at(f.channelName(), row), f.at(f.channelSource(), row), f.at(f.channelMedium(), row),
                    MarketingForms.decimal(f.at(f.channelBudget(), row), at + "budget", errors)));
        }
        CampaignAudienceKind audience = FormValues.choice(CampaignAudienceKind.class, f.audience(), "audience",
                errors, PromotionConsole.NOT_A_CHOICE);
        List<Long> customers = MarketingForms.ids(f.customerIds(), "customerIds", errors);
        return new NewCampaign(f.code(), f.name(), f.description(),
                FormValues.choice(CampaignMetric.class, f.objectiveMetric(), "objectiveMetric", errors,
                        PromotionConsole.NOT_A_CHOICE),
                MarketingForms.decimal(f.objectiveTarget(), "objectiveTarget", errors),
                MarketingForms.time(f.objectiveDeadline(), shop.zone(), "objectiveDeadline", errors),
                f.objectiveRationale(), MarketingForms.time(f.startsAt(), shop.zone(), "startsAt", errors),
                MarketingForms.time(f.endsAt(), shop.zone(), "endsAt", errors),
                MarketingForms.integer(f.attributionDays(), "attributionDays", errors), audience,
                customers.isEmpty() ? null : customers, null,
                audience == CampaignAudienceKind.EVERYONE ? null
                        : MarketingForms.integer(f.holdoutPercent(), "holdoutPercent", errors),
                f.landingUrl() == null || f.landingUrl().isBlank() ? null : f.landingUrl(), channels);
    }

    @GetMapping("/{id}")
    @RequiresPermission("marketing:read")
    String detail(@PathVariable long id, Model model) {
        return detailPage(model, new CampaignId(id), Map.of());
    }

    private String detailPage(Model model, CampaignId id, Map<String, String> errors) {
        CampaignReport report = reports.report(id);
        model.addAttribute("campaign", report.campaign());
        model.addAttribute("report", report);
        model.addAttribute("spends", campaigns.spends(id));
        model.addAttribute("errors", errors);
        model.addAttribute("today", LocalDate.now(shop.zone()));
        model.addAttribute("couponLinks", report.campaign().links().stream()
                .filter(l -> l.kind().equals("coupon")).toList());
        model.addAttribute("dailyChart", dailyChart(report));
        model.addAttribute("channelChart", channelChart(report));
        if (report.incremental() != null) {
            model.addAttribute("upliftChart", upliftChart(report.incremental()));
        }
        return "marketing/campaign";
    }

    @PostMapping("/{id}/launch")
    @RequiresPermission("marketing:publish")
    String launch(@PathVariable long id, @RequestParam long version, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            CampaignView launched = campaigns.launch(new CampaignId(id), version);
            redirect.addFlashAttribute("flash", text("marketing.campaign.flash.launched", launched.code()));
            return "redirect:/console/marketing/campaigns/" + id;
        } catch (DomainException refused) {
            return refused(model, id, refused, response);
        }
    }

    @PostMapping("/{id}/stop")
    @RequiresPermission("marketing:publish")
    String stop(@PathVariable long id, @RequestParam long version,
            @RequestParam(required = false) @Nullable String reason, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            CampaignView stopped = campaigns.stop(new CampaignId(id), reason, version);
            redirect.addFlashAttribute("flash", text("marketing.campaign.flash.stopped", stopped.code()));
            return "redirect:/console/marketing/campaigns/" + id;
        } catch (DomainException refused) {
            return refused(model, id, refused, response);
        }
    }

    @PostMapping("/{id}/spend")
    @RequiresPermission("marketing:write")
    String recordSpend(@PathVariable long id, @RequestParam(required = false) @Nullable String channelSeq,
            @RequestParam(required = false) @Nullable String spentOn,
            @RequestParam(required = false) @Nullable String amount,
            @RequestParam(required = false) @Nullable String note, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        Long channel = FormValues.number(channelSeq, "channelSeq", errors, "must be a whole number");
        LocalDate day = FormValues.date(spentOn, "spentOn", errors, "must be a date");
        BigDecimal money = MarketingForms.decimal(amount, "amount", errors);
        if (errors.isEmpty()) {
            try {
                Campaigns.SpendEntry entry = campaigns.recordSpend(new CampaignId(id),
                        channel == null ? null : Math.toIntExact(Math.max(Integer.MIN_VALUE,
                                Math.min(Integer.MAX_VALUE, channel))), day, money, note);
                redirect.addFlashAttribute("flash", text("marketing.campaign.flash.spend", entry.channel(),
                        entry.amount().amount().toPlainString()));
                return "redirect:/console/marketing/campaigns/" + id;
            } catch (DomainException refused) {
                PromotionConsole.collect(refused, errors);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return detailPage(model, new CampaignId(id), errors);
    }

    @PostMapping("/{id}/issue-coupons")
    @RequiresPermission("marketing:write")
    String issueCoupons(@PathVariable long id, @RequestParam(required = false) @Nullable String templateId,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        Long template = FormValues.number(templateId, "templateId", errors, "must be a whole number");
        if (errors.isEmpty()) {
            try {
                Coupons.IssueResult result = campaigns.issueCoupons(new CampaignId(id),
                        template == null ? null : new CouponTemplateId(template));
                redirect.addFlashAttribute("flash", text("marketing.campaign.flash.issued", result.issued(),
                        result.requested(), result.refused().size()));
                return "redirect:/console/marketing/campaigns/" + id;
            } catch (DomainException refused) {
                PromotionConsole.collect(refused, errors);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return detailPage(model, new CampaignId(id), errors);
    }

    private String refused(Model model, long id, DomainException refused, HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        PromotionConsole.collect(refused, errors);
        response.setStatus(refused instanceof ConflictException ? 409 : 422);
        return detailPage(model, new CampaignId(id), errors);
    }

    // --- charts --------------------------------------------------------------------------------------------

    private String dailyChart(CampaignReport report) {
        List<String> labels = new ArrayList<>();
        List<BigDecimal> gmv = new ArrayList<>();
        List<BigDecimal> discount = new ArrayList<>();
        List<BigDecimal> spend = new ArrayList<>();
        for (CampaignReport.Day day : report.days()) {
            labels.add(day.day().toString().substring(5));
            gmv.add(day.gmv().amount());
            discount.add(day.discount().amount());
            spend.add(day.spend().amount());
        }
        return chart("line", labels, List.of(series("marketing.campaign.gmv", gmv),
                series("marketing.campaign.discountCost", discount), series("marketing.campaign.spend", spend)));
    }

    private String channelChart(CampaignReport report) {
        List<String> labels = new ArrayList<>();
        List<BigDecimal> budget = new ArrayList<>();
        List<BigDecimal> spend = new ArrayList<>();
        List<BigDecimal> gmv = new ArrayList<>();
        for (CampaignReport.ChannelFigures ch : report.channels()) {
            labels.add(ch.seq() < 0 ? text("marketing.campaign.otherSource") : ch.name());
            budget.add(ch.budget().amount());
            spend.add(ch.spend().amount());
            gmv.add(ch.gmv().amount());
        }
        return chart("bar", labels, List.of(series("marketing.campaign.budget", budget),
                series("marketing.campaign.spend", spend), series("marketing.campaign.gmv", gmv)));
    }

    private String upliftChart(CampaignReport.Incremental inc) {
        return chart("bar", List.of(text("marketing.campaign.treatment"), text("marketing.campaign.holdout")),
                List.of(series("marketing.campaign.gmvPerMember", List.of(inc.treatmentGmvPerMember().amount(),
                        inc.holdoutGmvPerMember().amount()))));
    }

    private Map<String, Object> series(String key, List<?> data) {
        return Map.of("name", text(key), "data", data);
    }

    private String chart(String type, List<String> labels, List<Map<String, Object>> series) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", type);
        spec.put("labels", labels);
        spec.put("series", series);
        return json.writeValueAsString(spec);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
