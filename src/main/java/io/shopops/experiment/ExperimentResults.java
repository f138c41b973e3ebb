package io.shopops.experiment;

import java.time.Instant;
import java.util.List;

import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * An experiment's results as of {@code computedAt}. Rates' intervals are Wilson score intervals at
 * {@code confidenceLevel} (1 − alpha); each treatment is compared with the control by a two-sided two-proportion
 * z-test (pooled standard error) and an unpooled (Wald) interval for the difference; see docs/metrics.md.
 *
 * <p>Fixed horizon: {@code conclusive} only once every variant has the planned sample and the planned end has
 * passed; before that {@code warning} says so, and no "significant" here should be acted on.
 *
 * @param smallestSample the exposures of the variant that has the fewest
 */
public record ExperimentResults(String key, String name, ExperimentStatus status, ExperimentMetric metric,
        String conversionEvent, double alpha, double confidenceLevel, long plannedSamplePerVariant,
        Instant plannedEnd, long smallestSample, boolean conclusive, @Nullable String warning,
        List<VariantResult> variants, List<Comparison> comparisons, Instant computedAt) {

    /**
     * One variant's figures. {@code conversionRate}, {@code rateLow} and {@code rateHigh} are null without exposures;
     * revenue only for ORDER_PAID (every order paid after exposure, divided by all exposed units).
     */
    public record VariantResult(String key, String name, boolean control, long exposures, long conversions,
            @Nullable Double conversionRate, @Nullable Double rateLow, @Nullable Double rateHigh,
            @Nullable Money revenue, @Nullable Money revenuePerUnit) {
    }

    /**
     * A treatment against the control. Absolute lift is the difference of rates (with its unpooled interval);
     * relative lift is the ratio minus one (with a log-ratio interval). Null where a figure is undefined (no
     * exposures, no conversions). {@code revenuePValue} is Welch's t-test of revenue per exposed unit.
     */
    public record Comparison(String variant, String control, @Nullable Double absoluteLift,
            @Nullable Double absoluteLow, @Nullable Double absoluteHigh, @Nullable Double relativeLift,
            @Nullable Double relativeLow, @Nullable Double relativeHigh, @Nullable Double zScore,
            @Nullable Double pValue, boolean significant, @Nullable Double revenuePerUnitLift,
            @Nullable Double revenuePValue) {
    }
}
