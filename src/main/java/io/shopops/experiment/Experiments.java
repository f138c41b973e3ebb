package io.shopops.experiment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.shopops.audit.AuditLog;
import io.shopops.experiment.internal.ExperimentDefinition;
import io.shopops.experiment.internal.ExperimentRepository;
import io.shopops.experiment.internal.StoredExperiment;
import io.shopops.experiment.internal.VariantFigures;
import io.shopops.shared.Actors;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.ConflictException;
import io.shopops.shared.InvalidInputException;
import io.shopops.shared.Money;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.ShopProperties;
import io.shopops.shared.Violations;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Experiments as marketing staff run them: define a draft (variants, split, metric and the statistical plan),
 * start it, read its results under the fixed-horizon rule, stop it with a winner and a conclusion. Only drafts can
 * be edited (a running experiment's split must not move under its units); every change is audited and takes the
 * version read (409 when somebody changed it meanwhile).
 */
@Service
public class Experiments {

    public static final int MIN_VARIANTS = 2;
    public static final int MAX_VARIANTS = 5;
    public static final int MAX_NAME = 200;
    public static final int MAX_TEXT = 2000;
    public static final BigDecimal DEFAULT_ALPHA = new BigDecimal("0.05");
    public static final BigDecimal DEFAULT_POWER = new BigDecimal("0.8");
    /** Beyond this many units per variant no shop finishes an experiment: the effect is too small to plan for. */
    static final double MAX_SAMPLE = 1e10;
    private static final Set<String> RESERVED_KEYS = Set.of("new", "sample-size");
    private static final Pattern EVENT = Pattern.compile("[a-z][a-z0-9_.-]{0,63}");
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("3000-01-01T00:00:00Z");

    private final ExperimentRepository experiments;
    private final ExperimentSupport support;
    private final AuditLog audit;
    private final ShopProperties shop;

    Experiments(ExperimentRepository experiments, ExperimentSupport support, AuditLog audit, ShopProperties shop) {
        this.experiments = experiments;
        this.support = support;
        this.audit = audit;
        this.shop = shop;
    }

    // --- reading ----------------------------------------------------------------------------------------------

    /** Experiments, newest first, in one status or all. */
    @Transactional(readOnly = true)
    public Page<ExperimentSummary> find(@Nullable ExperimentStatus status, PageQuery page) {
        return experiments.find(status, page);
    }

    /** How many experiments are in each status (every status present, zero where none). */
    @Transactional(readOnly = true)
    public Map<ExperimentStatus, Long> countByStatus() {
        Map<ExperimentStatus, Long> counts = new EnumMap<>(ExperimentStatus.class);
        for (ExperimentStatus status : ExperimentStatus.values()) {
            counts.put(status, 0L);
        }
        counts.putAll(experiments.countByStatus());
        return counts;
    }

    @Transactional(readOnly = true)
    public ExperimentView experiment(String key) {
        return support.experiment(key).view();
    }

    // --- changing ---------------------------------------------------------------------------------------------

    /** Creates a draft. 400 naming each refused field; 409 when the key was ever used (keys salt the split). */
    @Transactional
    public ExperimentView create(NewExperiment request) {
        ExperimentDefinition definition = check(request, null);
        if (experiments.exists(definition.key())) {
            throw new ConflictException("key", "is already used by another experiment; keys are never reused");
        }
        experiments.insert(definition, Actors.current().username(), support.now());
        ExperimentView created = support.experiment(definition.key()).view();
        audit.record("EXPERIMENT_CREATED", "experiment", created.key(), created.name(), null, created);
        return created;
    }

    /**
     * Replaces a draft's definition (the key stays). 422 {@code not-a-draft} once it started; 409 when the version
     * is not the one read.
     */
    @Transactional
    public ExperimentView update(String key, NewExperiment request, @Nullable Long version) {
        StoredExperiment before = support.experiment(key);
        ExperimentDefinition definition = check(request, key);
        long read = requireVersion(version);
        if (!experiments.updateDraft(before.id(), read, definition, support.now())) {
            throw refusal(key, read, ExperimentStatus.DRAFT, "not-a-draft", "only a draft can be edited");
        }
        ExperimentView after = support.experiment(key).view();
        audit.record("EXPERIMENT_UPDATED", "experiment", key, after.name(), before.view(), after);
        return after;
    }

    /**
     * Starts a draft (DRAFT → RUNNING): from now on the storefront's units are assigned and exposures counted.
     * Refused (422) once the planned end has passed: plan again first.
     */
    @Transactional
    public ExperimentView start(String key, @Nullable Long version) {
        long read = requireVersion(version);
        StoredExperiment before = support.experiment(key);
        Instant now = support.now();
        if (before.view().status() == ExperimentStatus.DRAFT && !before.view().plannedEnd().isAfter(now)) {
            throw new BusinessRuleException("plan-over", "plannedEnd",
                    "has passed: edit the plan before starting the experiment");
        }
        if (!experiments.start(before.id(), read, Actors.current().username(), now)) {
            throw refusal(key, read, ExperimentStatus.DRAFT, "illegal-transition",
                    "cannot start: it is " + support.experiment(key).view().status());
        }
        ExperimentView after = support.experiment(key).view();
        audit.record("EXPERIMENT_STARTED", "experiment", key, after.name(), before.view(), after);
        return after;
    }

    /**
     * Stops a running experiment (RUNNING → STOPPED), naming a winner (a variant key, then served to everybody) or
     * none, with a conclusion. Stopping before the fixed horizon is allowed (a broken variant must be stoppable);
     * the audit entry says so.
     */
    @Transactional
    public ExperimentView stop(String key, StopDecision decision) {
        StoredExperiment before = support.experiment(key);
        Violations v = new Violations();
        v.check(decision.version() != null, "version", "is required: the version you read");
        String winner = blankToNull(decision.winner());
        v.check(winner == null || before.view().variants().stream().anyMatch(x -> x.key().equals(winner)), "winner",
                "is not a variant of the experiment");
        v.multilineText("conclusion", decision.conclusion(), false, MAX_TEXT);
        v.throwIfAny();
        long read = decision.version();
        Instant now = support.now();
        if (!experiments.stop(before.id(), read, winner, blankToNull(decision.conclusion()),
                Actors.current().username(), now)) {
            throw refusal(key, read, ExperimentStatus.RUNNING, "illegal-transition",
                    "cannot stop: it is " + support.experiment(key).view().status());
        }
        ExperimentView after = support.experiment(key).view();
        ExperimentResults results = results(support.experiment(key), now);
        audit.record("EXPERIMENT_STOPPED", "experiment", key, after.name() + (winner == null ? ", no winner"
                : ", winner " + winner) + (results.conclusive() ? "" : " (before the fixed horizon)"), before.view(),
                after);
        return after;
    }

    private static long requireVersion(@Nullable Long version) {
        if (version == null) {
            throw new InvalidInputException("version", "is required: the version you read");
        }
        return version;
    }

    /** Why a conditional update changed nothing: the status moved on (422) or somebody else changed it (409). */
    private RuntimeException refusal(String key, long read, ExperimentStatus expected, String code, String reason) {
        ExperimentView now = support.experiment(key).view();
        if (now.status() != expected) {
            return new BusinessRuleException(code, "status", "Experiment %s %s".formatted(key, reason));
        }
        return new ConflictException("version",
                "is %d, not %d: the experiment was changed meanwhile; read it again".formatted(now.version(), read));
    }

    // --- checking a definition --------------------------------------------------------------------------------

    /** Checks a definition without writing anything (400 naming every refused field), as creating it would. */
    public void check(NewExperiment request) {
        check(request, null);
    }

    /** Checks every field (collecting every reason) and computes the planned sample; {@code key} when editing. */
    private ExperimentDefinition check(NewExperiment r, @Nullable String existingKey) {
        Violations v = new Violations();
        String key = existingKey;
        if (existingKey == null) {
            v.code("key", r.key());
            v.check(r.key() == null || !RESERVED_KEYS.contains(r.key()), "key", "is reserved");
            key = r.key();
        } else {
            v.check(r.key() == null || r.key().equals(existingKey), "key", "cannot be changed");
        }
        v.text("name", r.name(), true, MAX_NAME);
        v.multilineText("hypothesis", r.hypothesis(), false, MAX_TEXT);
        v.check(r.unit() != null, "unit", "is required: CUSTOMER or DEVICE");
        List<VariantView> variants = checkVariants(r.variants(), v);

        BigDecimal traffic = r.trafficPercent() == null ? HUNDRED : r.trafficPercent();
        v.check(traffic.signum() > 0 && traffic.compareTo(HUNDRED) <= 0, "trafficPercent",
                "must be more than 0 and at most 100");
        v.check(decimals(traffic) <= 2, "trafficPercent", "must have at most 2 decimal places");

        if (r.metric() == null) {
            v.add("metric", "is required: ORDER_PAID or CUSTOM_EVENT");
        } else if (r.metric() == ExperimentMetric.ORDER_PAID) {
            v.check(r.eventName() == null || r.eventName().isBlank(), "eventName",
                    "must be empty: ORDER_PAID is counted from paid orders");
            v.check(r.unit() != ExperimentUnit.DEVICE, "unit",
                    "must be CUSTOMER for ORDER_PAID: paid orders are known by their customer, not by a device");
        } else if (r.eventName() == null || r.eventName().isBlank()) {
            v.add("eventName", "is required for CUSTOM_EVENT");
        } else {
            v.check(EVENT.matcher(r.eventName()).matches(), "eventName",
                    "must be 1 to 64 lower-case letters, digits, '_', '.' or '-', starting with a letter");
            v.check(!ExperimentMetric.ORDER_PAID_EVENT.equals(r.eventName()), "eventName",
                    "order_paid is the built-in metric: choose ORDER_PAID");
        }

        BigDecimal alpha = r.alpha() == null ? DEFAULT_ALPHA : r.alpha();
        BigDecimal power = r.power() == null ? DEFAULT_POWER : r.power();
        checkPlan(v, r.baselineRate(), r.minimumDetectableEffect(), alpha, power);
        long plannedSample = 0;
        if (v.isEmpty()) {
            plannedSample = plannedSample(v, r.baselineRate().doubleValue(),
                    r.minimumDetectableEffect().doubleValue(), alpha.doubleValue(), power.doubleValue());
        }

        checkTime(v, "plannedStart", r.plannedStart());
        checkTime(v, "plannedEnd", r.plannedEnd());
        v.check(r.plannedStart() == null || r.plannedEnd() == null || r.plannedEnd().isAfter(r.plannedStart()),
                "plannedEnd", "must be after plannedStart");
        v.throwIfAny();
        return new ExperimentDefinition(key, r.name().trim(), blankToNull(r.hypothesis()), r.unit(), variants,
                traffic.setScale(2, RoundingMode.UNNECESSARY), r.metric(),
                r.metric() == ExperimentMetric.CUSTOM_EVENT ? r.eventName() : null, alpha, power, r.baselineRate(),
                r.minimumDetectableEffect(), plannedSample, r.plannedStart(), r.plannedEnd());
    }

    private static List<VariantView> checkVariants(@Nullable List<NewExperiment.Variant> given, Violations v) {
        List<VariantView> variants = new ArrayList<>();
        if (given == null || given.size() < MIN_VARIANTS || given.size() > MAX_VARIANTS) {
            v.add("variants", "must be %d to %d variants".formatted(MIN_VARIANTS, MAX_VARIANTS));
            return variants;
        }
        Set<String> keys = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        int controls = 0;
        boolean weightsReadable = true;
        for (int i = 0; i < given.size(); i++) {
            NewExperiment.Variant variant = given.get(i);
            String at = "variants[%d]".formatted(i);
            if (variant == null) {
                v.add(at, "is required");
                weightsReadable = false;
                continue;
            }
            v.code(at + ".key", variant.key());
            v.check(variant.key() == null || keys.add(variant.key()), at + ".key", "appears twice");
            v.text(at + ".name", variant.name(), true, MAX_NAME);
            BigDecimal weight = variant.weight();
            if (weight == null) {
                v.add(at + ".weight", "is required");
                weightsReadable = false;
            } else {
                boolean inRange = weight.signum() > 0 && weight.compareTo(HUNDRED) < 0;
                v.check(inRange, at + ".weight", "must be more than 0 and less than 100 (percent)");
                v.check(decimals(weight) <= 2, at + ".weight", "must have at most 2 decimal places");
                weightsReadable &= inRange;
                sum = sum.add(weight);
            }
            if (Boolean.TRUE.equals(variant.control())) {
                controls++;
            }
            if (variant.key() != null && variant.name() != null && weight != null) {
                variants.add(new VariantView(variant.key(), variant.name().trim(),
                        weight.setScale(2, RoundingMode.HALF_UP), Boolean.TRUE.equals(variant.control())));
            }
        }
        v.check(controls == 1, "variants", "must have exactly one control (has %d)".formatted(controls));
        if (weightsReadable) {
            v.check(sum.compareTo(HUNDRED) == 0, "variants",
                    "weights must add up to 100 (they add up to %s)".formatted(sum.stripTrailingZeros().toPlainString()));
        }
        return variants;
    }

    private static void checkPlan(Violations v, @Nullable BigDecimal baseline, @Nullable BigDecimal effect,
            @Nullable BigDecimal alpha, @Nullable BigDecimal power) {
        if (baseline == null) {
            v.add("baselineRate", "is required: the control's expected conversion rate, between 0 and 1");
        } else {
            v.check(baseline.signum() > 0 && baseline.compareTo(BigDecimal.ONE) < 0, "baselineRate",
                    "must be between 0 and 1 (exclusive)");
            v.check(decimals(baseline) <= 6, "baselineRate", "must have at most 6 decimal places");
        }
        if (effect == null) {
            v.add("minimumDetectableEffect", "is required: the smallest relative change worth detecting (0.1 = 10%)");
        } else {
            v.check(effect.signum() > 0, "minimumDetectableEffect", "must be more than 0");
            v.check(effect.compareTo(new BigDecimal("1000")) <= 0, "minimumDetectableEffect", "must be at most 1000");
            v.check(decimals(effect) <= 6, "minimumDetectableEffect", "must have at most 6 decimal places");
            v.check(baseline == null || effect.signum() <= 0 || baseline.signum() <= 0
                    || baseline.multiply(BigDecimal.ONE.add(effect)).compareTo(BigDecimal.ONE) < 0,
                    "minimumDetectableEffect", "must keep the expected rate, baselineRate × (1 + effect), below 1");
        }
        if (alpha != null) {
            v.check(alpha.signum() > 0 && alpha.compareTo(new BigDecimal("0.5")) < 0, "alpha",
                    "must be between 0 and 0.5 (exclusive)");
            v.check(decimals(alpha) <= 4, "alpha", "must have at most 4 decimal places");
        }
        if (power != null) {
            v.check(power.compareTo(new BigDecimal("0.5")) > 0 && power.compareTo(BigDecimal.ONE) < 0, "power",
                    "must be between 0.5 and 1 (exclusive)");
            v.check(decimals(power) <= 4, "power", "must have at most 4 decimal places");
        }
    }

    private static long plannedSample(Violations v, double baseline, double effect, double alpha, double power) {
        long n = Statistics.sampleSizePerVariant(baseline, effect, alpha, power);
        if (n > MAX_SAMPLE) {
            v.add("minimumDetectableEffect", "is too small to detect: it needs %,d units per variant".formatted(n));
        }
        return n;
    }

    private static void checkTime(Violations v, String field, @Nullable Instant time) {
        if (time == null) {
            v.add(field, "is required");
        } else {
            v.check(!time.isBefore(EARLIEST) && time.isBefore(LATEST), field, "must be in the years 2000 to 2999");
        }
    }

    private static int decimals(BigDecimal value) {
        return Math.max(0, value.stripTrailingZeros().scale());
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    // --- the calculator ---------------------------------------------------------------------------------------

    /**
     * Units needed per variant: two-sided two-proportion z-test at {@code alpha} with {@code power}, to detect a
     * relative change of {@code minimumDetectableEffect} from {@code baselineRate} (docs/metrics.md has the
     * formula). Alpha and power default to 0.05 and 0.8; refusals name the parameter.
     */
    public SampleSizePlan sampleSize(@Nullable BigDecimal baselineRate, @Nullable BigDecimal minimumDetectableEffect,
            @Nullable BigDecimal alpha, @Nullable BigDecimal power) {
        Violations v = new Violations();
        BigDecimal a = alpha == null ? DEFAULT_ALPHA : alpha;
        BigDecimal p = power == null ? DEFAULT_POWER : power;
        checkPlan(v, baselineRate, minimumDetectableEffect, a, p);
        v.throwIfAny();
        long n = plannedSample(v, baselineRate.doubleValue(), minimumDetectableEffect.doubleValue(), a.doubleValue(),
                p.doubleValue());
        v.throwIfAny();
        double baseline = baselineRate.doubleValue();
        double effect = minimumDetectableEffect.doubleValue();
        return new SampleSizePlan(baseline, effect, baseline * (1 + effect), a.doubleValue(), p.doubleValue(), n);
    }

    // --- results ----------------------------------------------------------------------------------------------

    /** The experiment's results now, with the fixed-horizon verdict. */
    @Transactional(readOnly = true)
    public ExperimentResults results(String key) {
        return results(support.experiment(key), support.now());
    }

    private ExperimentResults results(StoredExperiment stored, Instant now) {
        ExperimentView e = stored.view();
        Map<String, VariantFigures> figures = experiments.figures(stored.id());
        double alpha = e.alpha().doubleValue();
        double confidence = 1 - alpha;
        boolean revenue = e.metric() == ExperimentMetric.ORDER_PAID;
        List<ExperimentResults.VariantResult> variants = new ArrayList<>();
        long smallest = Long.MAX_VALUE;
        for (VariantView variant : e.variants()) {
            VariantFigures f = figures.getOrDefault(variant.key(), VariantFigures.NONE);
            smallest = Math.min(smallest, f.exposures());
            Double rate = null;
            Double low = null;
            Double high = null;
            if (f.exposures() > 0) {
                rate = (double) f.conversions() / f.exposures();
                Statistics.Interval interval = Statistics.wilson(f.conversions(), f.exposures(), confidence);
                low = interval.low();
                high = interval.high();
            }
            Money total = revenue ? Money.of(f.revenue().setScale(2, RoundingMode.HALF_UP), shop.currency()) : null;
            Money perUnit = revenue && f.exposures() > 0 ? Money.of(f.revenue().divide(BigDecimal.valueOf(
                    f.exposures()), 2, RoundingMode.HALF_UP), shop.currency()) : null;
            variants.add(new ExperimentResults.VariantResult(variant.key(), variant.name(), variant.control(),
                    f.exposures(), f.conversions(), rate, low, high, total, perUnit));
        }
        VariantView control = e.control();
        VariantFigures c = figures.getOrDefault(control.key(), VariantFigures.NONE);
        List<ExperimentResults.Comparison> comparisons = new ArrayList<>();
        for (VariantView variant : e.variants()) {
            if (variant.control()) {
                continue;
            }
            VariantFigures t = figures.getOrDefault(variant.key(), VariantFigures.NONE);
            comparisons.add(compare(variant.key(), control.key(), c, t, alpha, revenue));
        }
        long planned = e.plannedSamplePerVariant();
        boolean sampleReached = smallest >= planned;
        boolean endReached = !now.isBefore(e.plannedEnd());
        boolean conclusive = e.status() != ExperimentStatus.DRAFT && sampleReached && endReached;
        String warning = null;
        if (!conclusive) {
            String end = e.plannedEnd().atOffset(ZoneOffset.UTC).toLocalDate().toString();
            warning = sampleReached
                    ? "reading early: the planned end is %s (the planned sample of %,d per variant is reached) — do not conclude before then"
                            .formatted(end, planned)
                    : "reading early: the planned sample is %,d per variant, you have %,d — do not conclude before then%s"
                            .formatted(planned, smallest, endReached ? "" : " (and not before the planned end, " + end + ")");
        }
        return new ExperimentResults(e.key(), e.name(), e.status(), e.metric(), e.conversionEvent(), alpha,
                confidence, planned, e.plannedEnd(), smallest, conclusive, warning, variants, comparisons, now);
    }

    private static ExperimentResults.Comparison compare(String variant, String control, VariantFigures c,
            VariantFigures t, double alpha, boolean revenue) {
        Double revenueLift = null;
        Double revenueP = null;
        if (revenue && c.exposures() > 0 && t.exposures() > 0) {
            double controlPerUnit = c.revenue().doubleValue() / c.exposures();
            double treatmentPerUnit = t.revenue().doubleValue() / t.exposures();
            revenueLift = controlPerUnit > 0 ? treatmentPerUnit / controlPerUnit - 1 : null;
            revenueP = Statistics.welchP(c.exposures(), c.revenue().doubleValue(), c.revenueSquares().doubleValue(),
                    t.exposures(), t.revenue().doubleValue(), t.revenueSquares().doubleValue());
        }
        if (c.exposures() == 0 || t.exposures() == 0) {
            return new ExperimentResults.Comparison(variant, control, null, null, null, null, null, null, null, null,
                    false, revenueLift, revenueP);
        }
        Statistics.ProportionComparison r = Statistics.compare(c.conversions(), c.exposures(), t.conversions(),
                t.exposures(), alpha);
        return new ExperimentResults.Comparison(variant, control, r.absoluteLift(), r.absoluteInterval().low(),
                r.absoluteInterval().high(), r.relativeLift(),
                r.relativeInterval() == null ? null : r.relativeInterval().low(),
                r.relativeInterval() == null ? null : r.relativeInterval().high(), r.z(), r.pValue(),
                r.pValue() < alpha, revenueLift, revenueP);
    }
}
