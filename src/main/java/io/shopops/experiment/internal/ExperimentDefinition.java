package io.shopops.experiment.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.shopops.experiment.ExperimentMetric;
import io.shopops.experiment.ExperimentUnit;
import io.shopops.experiment.VariantView;
import org.jspecify.annotations.Nullable;

/** A checked definition, as it is written (every value present and in range; the planned sample computed). */
public record ExperimentDefinition(String key, String name, @Nullable String hypothesis, ExperimentUnit unit,
        List<VariantView> variants, BigDecimal trafficPercent, ExperimentMetric metric, @Nullable String eventName,
        BigDecimal alpha, BigDecimal power, BigDecimal baselineRate, BigDecimal minimumDetectableEffect,
        long plannedSample, Instant plannedStart, Instant plannedEnd) {
}
