package io.shopops.experiment;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A line of the experiments list. */
public record ExperimentSummary(String key, String name, ExperimentUnit unit, ExperimentMetric metric,
        @Nullable String eventName, int variantCount, long plannedSamplePerVariant, Instant plannedStart,
        Instant plannedEnd, ExperimentStatus status, @Nullable String winner, Instant updatedAt) {
}
