package io.shopops.experiment;

/**
 * The sample-size calculator's answer: units needed per variant for a two-sided two-proportion z-test to detect a
 * relative change of {@code minimumDetectableEffect} from {@code baselineRate} (to {@code expectedRate}) with
 * significance {@code alpha} and {@code power}. Formula in docs/metrics.md.
 */
public record SampleSizePlan(double baselineRate, double minimumDetectableEffect, double expectedRate, double alpha,
        double power, long perVariant) {

    public long total(int variants) {
        return perVariant * variants;
    }
}
