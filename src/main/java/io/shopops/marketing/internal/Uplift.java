package io.shopops.marketing.internal;

import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.stat.descriptive.StatisticalSummaryValues;
import org.hipparchus.stat.inference.TTest;
import org.jspecify.annotations.Nullable;

/**
 * Treatment against hold-out for a value per member (GMV, gross margin; members without orders count 0): the
 * difference of the means with Welch's interval (unequal variances, Welch–Satterthwaite degrees of freedom, on
 * Hipparchus' t distribution) and Welch's two-sided t-test. Formulas in docs/metrics.md.
 */
public final class Uplift {

    private Uplift() {
    }

    /** Σ x and Σ x² of n members' values. */
    public record Group(long n, double sum, double sumOfSquares) {

        public Group add(double x) {
            return new Group(n + 1, sum + x, sumOfSquares + x * x);
        }

        double mean() {
            return n == 0 ? 0 : sum / n;
        }

        /** The sample variance (n − 1). */
        double variance() {
            return n < 2 ? 0 : Math.max(0, (sumOfSquares - n * mean() * mean()) / (n - 1));
        }

        public static Group empty() {
            return new Group(0, 0, 0);
        }
    }

    /**
     * @param low  the interval's bounds; null without two members in each group
     * @param p    Welch's p-value; null without two members in each group or without spread
     */
    public record Estimate(double difference, @Nullable Double low, @Nullable Double high, @Nullable Double p) {
    }

    /** mean(treatment) − mean(holdout) with its {@code confidence} (0.95) interval. */
    public static Estimate meanDifference(Group treatment, Group holdout, double confidence) {
        double difference = treatment.mean() - holdout.mean();
        if (treatment.n() < 2 || holdout.n() < 2) {
            return new Estimate(difference, null, null, null);
        }
        double a = treatment.variance() / treatment.n();
        double b = holdout.variance() / holdout.n();
        double se = Math.sqrt(a + b);
        if (se == 0) {
            return new Estimate(difference, difference, difference, null);
        }
        double df = (a + b) * (a + b)
                / (a * a / (treatment.n() - 1) + b * b / (holdout.n() - 1));
        double t = new TDistribution(df).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double p = new TTest().tTest(summary(treatment), summary(holdout));
        return new Estimate(difference, difference - t * se, difference + t * se, p);
    }

    private static StatisticalSummaryValues summary(Group g) {
        // min and max are not used by the t-test
        return new StatisticalSummaryValues(g.mean(), g.variance(), g.n(), Double.NaN, Double.NaN, g.sum());
    }
}
