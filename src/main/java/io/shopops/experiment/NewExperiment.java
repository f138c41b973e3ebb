package io.shopops.experiment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An experiment's definition as staff write it (to create one, or to replace a draft's). Everything is checked by
 * {@link Experiments}, each refusal naming its field.
 *
 * @param key                     the code the storefront asks by, and the salt of the split; never reused
 * @param trafficPercent          the share of units included at all, 0 &lt; x ≤ 100 (two decimals)
 * @param eventName               the custom event that converts (CUSTOM_EVENT only)
 * @param alpha                   the two-sided significance level, default 0.05
 * @param power                   the chance of detecting the minimum effect if it is real, default 0.8
 * @param baselineRate            the control's expected conversion rate, 0 &lt; p &lt; 1
 * @param minimumDetectableEffect the smallest relative lift worth detecting (0.2 = +20 %)
 */
public record NewExperiment(@Nullable String key, @Nullable String name, @Nullable String hypothesis,
        @Nullable ExperimentUnit unit, @Nullable List<Variant> variants, @Nullable BigDecimal trafficPercent,
        @Nullable ExperimentMetric metric, @Nullable String eventName, @Nullable BigDecimal alpha,
        @Nullable BigDecimal power, @Nullable BigDecimal baselineRate, @Nullable BigDecimal minimumDetectableEffect,
        @Nullable Instant plannedStart, @Nullable Instant plannedEnd) {

    /** A variant: its key (what the storefront receives), name, weight in percent, and whether it is the control. */
    public record Variant(@Nullable String key, @Nullable String name, @Nullable BigDecimal weight,
            @Nullable Boolean control) {
    }
}
