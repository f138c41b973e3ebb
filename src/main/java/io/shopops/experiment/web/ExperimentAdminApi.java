package io.shopops.experiment.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
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
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.web.RequiresPermission;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Experiments for marketing staff: list, read, define drafts, start and stop (with a winner), results, and the
 * sample-size calculator.
 */
@RestController
@RequestMapping("/api/v1/admin/experiments")
class ExperimentAdminApi {

    private final Experiments experiments;

    ExperimentAdminApi(Experiments experiments) {
        this.experiments = experiments;
    }

    /** A draft's new definition with the version read. */
    record UpdateRequest(@Nullable String key, @Nullable String name, @Nullable String hypothesis,
            @Nullable ExperimentUnit unit, @Nullable List<NewExperiment.Variant> variants,
            @Nullable BigDecimal trafficPercent, @Nullable ExperimentMetric metric, @Nullable String eventName,
            @Nullable BigDecimal alpha, @Nullable BigDecimal power, @Nullable BigDecimal baselineRate,
            @Nullable BigDecimal minimumDetectableEffect, @Nullable Instant plannedStart,
            @Nullable Instant plannedEnd, @Nullable Long version) {

        NewExperiment definition() {
            return new NewExperiment(key, name, hypothesis, unit, variants, trafficPercent, metric, eventName, alpha,
                    power, baselineRate, minimumDetectableEffect, plannedStart, plannedEnd);
        }
    }

    record VersionRequest(@Nullable Long version) {
    }

    @GetMapping
    @RequiresPermission("marketing:read")
    Page<ExperimentSummary> list(@RequestParam(required = false) @Nullable ExperimentStatus status,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return experiments.find(status, new PageQuery(page, size));
    }

    @GetMapping("/counts")
    @RequiresPermission("marketing:read")
    Map<ExperimentStatus, Long> counts() {
        return experiments.countByStatus();
    }

    /** Units per variant for a two-sided two-proportion test; alpha and power default to 0.05 and 0.8. */
    @GetMapping("/sample-size")
    @RequiresPermission("marketing:read")
    SampleSizePlan sampleSize(@RequestParam(required = false) @Nullable BigDecimal baselineRate,
            @RequestParam(required = false) @Nullable BigDecimal minimumDetectableEffect,
            @RequestParam(required = false) @Nullable BigDecimal alpha,
            @RequestParam(required = false) @Nullable BigDecimal power) {
        return experiments.sampleSize(baselineRate, minimumDetectableEffect, alpha, power);
    }

    @PostMapping
    @RequiresPermission("marketing:write")
    ResponseEntity<ExperimentView> create(@RequestBody NewExperiment request) {
        ExperimentView created = experiments.create(request);
        return ResponseEntity.created(URI.create("/api/v1/admin/experiments/" + created.key())).body(created);
    }

    @GetMapping("/{key}")
    @RequiresPermission("marketing:read")
    ExperimentView get(@PathVariable String key) {
        return experiments.experiment(key);
    }

    @PutMapping("/{key}")
    @RequiresPermission("marketing:write")
    ExperimentView update(@PathVariable String key, @RequestBody UpdateRequest request) {
        return experiments.update(key, request.definition(), request.version());
    }

    @PostMapping("/{key}/start")
    @RequiresPermission("marketing:publish")
    ExperimentView start(@PathVariable String key, @RequestBody VersionRequest request) {
        return experiments.start(key, request.version());
    }

    @PostMapping("/{key}/stop")
    @RequiresPermission("marketing:publish")
    ExperimentView stop(@PathVariable String key, @RequestBody StopDecision decision) {
        return experiments.stop(key, decision);
    }

    @GetMapping("/{key}/results")
    @RequiresPermission("marketing:read")
    ExperimentResults results(@PathVariable String key) {
        return experiments.results(key);
    }
}
