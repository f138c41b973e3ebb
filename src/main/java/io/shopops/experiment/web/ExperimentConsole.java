package io.shopops.experiment.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shopops.experiment.ExperimentMetric;
import io.shopops.experiment.ExperimentResults;
import io.shopops.experiment.ExperimentStatus;
import io.shopops.experiment.ExperimentSummary;
import io.shopops.experiment.ExperimentUnit;
import io.shopops.experiment.ExperimentView;
import io.shopops.experiment.Experiments;
import io.shopops.experiment.NewExperiment;
import io.shopops.experiment.SampleSizePlan;
import io.shopops.experiment.StopDecision;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.ConflictException;
import io.shopops.shared.DomainException;
import io.shopops.shared.FieldViolation;
import io.shopops.shared.InvalidInputException;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.ShopProperties;
import io.shopops.shared.web.ConsoleController;
import io.shopops.shared.web.FormErrors;
import io.shopops.shared.web.FormValues;
import io.shopops.shared.web.RequiresPermission;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

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
 * Console pages for experiments: the list, the draft form (create and edit), an experiment with its results
 * (rates with intervals as a chart and a table, lifts, p-values, the early-reading warning) where members who may
 * publish start and stop it, and the sample-size calculator.
 */
@ConsoleController
@RequestMapping("/console/experiments")
class ExperimentConsole {

    private static final int PAGE_SIZE = 50;
    static final Map<ExperimentStatus, String> BADGES = new EnumMap<>(Map.of(ExperimentStatus.DRAFT, "DRAFT",
            ExperimentStatus.RUNNING, "ok", ExperimentStatus.STOPPED, ""));

    private final Experiments experiments;
    private final MessageSource messages;
    private final ShopProperties shop;
    private final JsonMapper json;
    private final Clock clock;

    ExperimentConsole(Experiments experiments, MessageSource messages, ShopProperties shop, JsonMapper json,
            Clock clock) {
        this.experiments = experiments;
        this.messages = messages;
        this.shop = shop;
        this.json = json;
        this.clock = clock;
    }

    // --- list -------------------------------------------------------------------------------------------------

    @GetMapping
    @RequiresPermission("marketing:read")
    String list(@RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "0") String page, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        ExperimentStatus chosen = null;
        if (status != null && !status.isBlank()) {
            try {
                chosen = ExperimentStatus.valueOf(status.trim());
            } catch (IllegalArgumentException e) {
                errors.put("status", text("experiment.form.choice"));
            }
        }
        Long number = FormValues.number(page, "page", errors, text("experiment.form.number"));
        Page<ExperimentSummary> rows = Page.of(List.of(), PageQuery.first(PAGE_SIZE), 0);
        if (errors.isEmpty()) {
            rows = experiments.find(chosen, new PageQuery((int) Math.min(Math.max(0, number == null ? 0 : number),
                    100_000), PAGE_SIZE));
        }
        model.addAttribute("status", chosen == null ? "" : chosen.name());
        model.addAttribute("statuses", ExperimentStatus.values());
        model.addAttribute("counts", experiments.countByStatus());
        model.addAttribute("badges", BADGES);
        model.addAttribute("rows", rows);
        model.addAttribute("errors", errors);
        return "experiment/list";
    }

    // --- create and edit --------------------------------------------------------------------------------------

    @GetMapping("/new")
    @RequiresPermission("marketing:write")
    String newExperiment(Model model) {
        return form(ExperimentForm.empty(Instant.now(clock), shop.zone()), null, Map.of(), model);
    }

    @PostMapping
    @RequiresPermission("marketing:write")
    String create(@ModelAttribute("form") ExperimentForm form, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        NewExperiment definition = definition(form, errors);
        try {
            if (!errors.isEmpty()) {
                // the facade adds its reasons for the fields that could be read; nothing is written
                experiments.check(definition);
                throw new InvalidInputException(List.of());
            }
            ExperimentView created = experiments.create(definition);
            redirect.addFlashAttribute("flash", text("experiment.flash.created", created.key()));
            return "redirect:/console/experiments/" + created.key();
        } catch (DomainException refused) {
            merge(errors, refused);
            response.setStatus(status(refused));
            return form(form, null, errors, model);
        }
    }

    @GetMapping("/{key}/edit")
    @RequiresPermission("marketing:write")
    String edit(@PathVariable String key, Model model) {
        ExperimentView experiment = experiments.experiment(key);
        return form(ExperimentForm.of(experiment, shop.zone()), experiment, Map.of(), model);
    }

    @PostMapping("/{key}")
    @RequiresPermission("marketing:write")
    String update(@PathVariable String key, @ModelAttribute("form") ExperimentForm form, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        ExperimentView experiment = experiments.experiment(key);
        Map<String, String> errors = new LinkedHashMap<>();
        NewExperiment definition = definition(form, errors);
        try {
            if (!errors.isEmpty()) {
                experiments.check(new NewExperiment(key, definition.name(), definition.hypothesis(),
                        definition.unit(), definition.variants(), definition.trafficPercent(), definition.metric(),
                        definition.eventName(), definition.alpha(), definition.power(), definition.baselineRate(),
                        definition.minimumDetectableEffect(), definition.plannedStart(), definition.plannedEnd()));
                throw new InvalidInputException(List.of());
            }
            experiments.update(key, definition, form.version());
            redirect.addFlashAttribute("flash", text("experiment.flash.saved", key));
            return "redirect:/console/experiments/" + key;
        } catch (DomainException refused) {
            merge(errors, refused);
            response.setStatus(status(refused));
            return form(form, experiment, errors, model);
        }
    }

    private NewExperiment definition(ExperimentForm form, Map<String, String> errors) {
        return form.definition(shop.zone(), errors, text("experiment.form.number"), text("experiment.form.time"),
                text("experiment.form.choice"));
    }

    private String form(ExperimentForm form, @Nullable ExperimentView experiment, Map<String, String> errors,
            Model model) {
        model.addAttribute("form", form);
        model.addAttribute("rows", form.rows());
        model.addAttribute("experiment", experiment);
        model.addAttribute("errors", errors);
        model.addAttribute("units", ExperimentUnit.values());
        model.addAttribute("metrics", ExperimentMetric.values());
        return "experiment/form";
    }

    // --- one experiment ---------------------------------------------------------------------------------------

    @GetMapping("/{key}")
    @RequiresPermission("marketing:read")
    String detail(@PathVariable String key, Model model) {
        return detailPage(key, Map.of(), null, Map.of(), model);
    }

    private String detailPage(String key, Map<String, String> errors, @Nullable String failedForm,
            Map<String, String> typed, Model model) {
        ExperimentView experiment = experiments.experiment(key);
        ExperimentResults results = experiments.results(key);
        model.addAttribute("experiment", experiment);
        model.addAttribute("results", results);
        model.addAttribute("badges", BADGES);
        model.addAttribute("chart", chart(results));
        model.addAttribute("rf", new ResultFormat());
        model.addAttribute("confidencePercent", BigDecimal.valueOf(results.confidenceLevel() * 100)
                .stripTrailingZeros().toPlainString());
        model.addAttribute("errors", errors);
        model.addAttribute("failedForm", failedForm);
        model.addAttribute("typed", typed);
        return "experiment/detail";
    }

    @PostMapping("/{key}/start")
    @RequiresPermission("marketing:publish")
    String start(@PathVariable String key, @RequestParam(required = false) @Nullable String version, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        return act(key, "start", Map.of(), errors -> experiments.start(key, version(version)),
                "experiment.flash.started", model, redirect, response);
    }

    @PostMapping("/{key}/stop")
    @RequiresPermission("marketing:publish")
    String stop(@PathVariable String key, @RequestParam(required = false) @Nullable String version,
            @RequestParam(required = false) @Nullable String winner,
            @RequestParam(required = false) @Nullable String conclusion, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("winner", winner);
        typed.put("conclusion", conclusion);
        return act(key, "stop", typed, errors -> experiments.stop(key, new StopDecision(version(version),
                winner, conclusion)), "experiment.flash.stopped", model, redirect, response);
    }

    private interface Action {
        ExperimentView apply(Map<String, String> errors);
    }

    /** Post/redirect/get on success; the experiment's page with the refusal (400, 409 or 422) otherwise. */
    private String act(String key, String form, Map<String, String> typed, Action action, String flash, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        try {
            action.apply(new LinkedHashMap<>());
            redirect.addFlashAttribute("flash", text(flash, key));
            return "redirect:/console/experiments/" + key;
        } catch (NotFoundException missing) {
            if (!missing.isReference()) {
                throw missing;
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return detailPage(key, FormErrors.of(missing), form, typed, model);
        } catch (DomainException refused) {
            Map<String, String> errors = new LinkedHashMap<>();
            merge(errors, refused);
            if (errors.containsKey("")) {
                errors.put(form, errors.remove(""));
            }
            response.setStatus(status(refused));
            return detailPage(key, errors, form, typed, model);
        }
    }

    /** The version posted by a form; anything but a whole number is refused as the facade refuses a missing one. */
    private static @Nullable Long version(@Nullable String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Conversion rates in percent as bars with their intervals as whiskers (see console.js). */
    private String chart(ExperimentResults results) {
        List<String> labels = new ArrayList<>();
        List<Object> rates = new ArrayList<>();
        List<Object> whiskers = new ArrayList<>();
        for (ExperimentResults.VariantResult v : results.variants()) {
            labels.add(v.name() + " (" + v.key() + ")");
            rates.add(v.conversionRate() == null ? null : percent(v.conversionRate()));
            whiskers.add(v.rateLow() == null ? null : List.of(percent(v.rateLow()), percent(v.rateHigh())));
        }
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("name", text("experiment.results.rate"));
        series.put("data", rates);
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", "bar");
        spec.put("labels", labels);
        spec.put("series", List.of(series));
        spec.put("whiskers", whiskers);
        return json.writeValueAsString(spec);
    }

    private static BigDecimal percent(double rate) {
        return BigDecimal.valueOf(rate * 100).setScale(2, RoundingMode.HALF_UP);
    }

    // --- the calculator ---------------------------------------------------------------------------------------

    @GetMapping("/sample-size")
    @RequiresPermission("marketing:read")
    String sampleSize(@RequestParam(required = false) @Nullable String baselineRate,
            @RequestParam(required = false) @Nullable String minimumDetectableEffect,
            @RequestParam(required = false) @Nullable String alpha,
            @RequestParam(required = false) @Nullable String power, Model model, HttpServletResponse response) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("baselineRate", baselineRate == null ? "" : baselineRate);
        typed.put("minimumDetectableEffect", minimumDetectableEffect == null ? "" : minimumDetectableEffect);
        typed.put("alpha", alpha == null ? "0.05" : alpha);
        typed.put("power", power == null ? "0.8" : power);
        Map<String, String> errors = new LinkedHashMap<>();
        SampleSizePlan plan = null;
        boolean asked = baselineRate != null || minimumDetectableEffect != null;
        if (asked) {
            String reason = text("experiment.form.number");
            BigDecimal b = ExperimentForm.number(baselineRate, "baselineRate", errors, reason);
            BigDecimal m = ExperimentForm.number(minimumDetectableEffect, "minimumDetectableEffect", errors, reason);
            BigDecimal a = ExperimentForm.number(alpha, "alpha", errors, reason);
            BigDecimal p = ExperimentForm.number(power, "power", errors, reason);
            try {
                plan = experiments.sampleSize(b, m, a, p);
                if (!errors.isEmpty()) {
                    plan = null;
                }
            } catch (DomainException refused) {
                merge(errors, refused);
            }
            if (!errors.isEmpty()) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            }
        }
        model.addAttribute("typed", typed);
        model.addAttribute("plan", plan);
        model.addAttribute("errors", errors);
        return "experiment/sample-size";
    }

    // --- texts and errors -------------------------------------------------------------------------------------

    private static void merge(Map<String, String> errors, DomainException refused) {
        for (FieldViolation violation : refused.violations()) {
            errors.merge(violation.field(), violation.reason(), (a, b) -> a.equals(b) ? a : a + "; " + b);
        }
        if (refused.violations().isEmpty() && errors.isEmpty()) {
            errors.put("", refused.getMessage());
        }
    }

    private static int status(DomainException refused) {
        return switch (refused) {
            case BusinessRuleException rule -> 422;
            case ConflictException conflict -> HttpServletResponse.SC_CONFLICT;
            default -> HttpServletResponse.SC_BAD_REQUEST;
        };
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
