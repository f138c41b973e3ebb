package io.shopops.experiment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An experiment as staff see it. {@code plannedSamplePerVariant} is the sample-size calculator's answer for the
 * definition's baseline, minimum detectable effect, alpha and power: the fixed horizon, with {@code plannedEnd}.
 */
public record ExperimentView(String key, String name, @Nullable String hypothesis, ExperimentUnit unit,
        List<VariantView> variants, BigDecimal trafficPercent, ExperimentMetric metric, @Nullable String eventName,
        BigDecimal alpha, BigDecimal power, BigDecimal baselineRate, BigDecimal minimumDetectableEffect,
        long plannedSamplePerVariant, Instant plannedStart, Instant plannedEnd, ExperimentStatus status,
        @Nullable String winner, @Nullable String conclusion, @Nullable Instant startedAt,
        @Nullable String startedBy, @Nullable Instant stoppedAt, @Nullable String stoppedBy, Instant createdAt,
        String createdBy, Instant updatedAt, long version) {

    /** The event that converts: {@code order_paid} or the custom event's name. */
    public String conversionEvent() {
        return metric == ExperimentMetric.ORDER_PAID ? ExperimentMetric.ORDER_PAID_EVENT
                : String.valueOf(eventName);
    }

    public VariantView control() {
        return variants.stream().filter(VariantView::control).findFirst().orElseThrow();
    }
}
