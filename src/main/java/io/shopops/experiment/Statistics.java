package io.shopops.experiment;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.stat.descriptive.StatisticalSummaryValues;
import org.hipparchus.stat.inference.TTest;
import org.jspecify.annotations.Nullable;

/**
 * The experiment statistics, on Hipparchus' standard normal distribution and t-test (formulas in docs/metrics.md):
 * Wilson score intervals for a rate, the two-sided two-proportion z-test with the pooled standard error, the
 * unpooled (Wald) interval for a difference of rates, the log-ratio (Katz) interval for a relative lift, the
 * per-variant sample size of a two-sided two-proportion test, and Welch's t-test for revenue per unit.
 */
final class Statistics {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(0, 1);

    private Statistics() {
    }

    /** A two-sided interval. */
    record Interval(double low, double high) {
    }

    /** A treatment (2) against the control (1): the difference, the test and the intervals. */
    record ProportionComparison(double absoluteLift, Interval absoluteInterval, @Nullable Double relativeLift,
            @Nullable Interval relativeInterval, double z, double pValue) {
    }

    /** z with Φ(z) = p. */
    static double quantile(double p) {
        return STANDARD_NORMAL.inverseCumulativeProbability(p);
    }

    /** The two-sided p-value of a standard normal statistic: 2 · Φ(−|z|) (computed on the lower tail, exactly). */
    static double twoSidedP(double z) {
        return Math.min(1.0, 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z)));
    }

    /**
     * The Wilson score interval of {@code successes} out of {@code n} at {@code confidence} (0.95): good for small
     * samples and rates near 0 or 1, where the Wald interval fails (Newcombe 1998).
     */
    static Interval wilson(long successes, long n, double confidence) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be positive");
        }
        double z = quantile(1 - (1 - confidence) / 2);
        double p = (double) successes / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /**
     * Compares the treatment's {@code c2}/{@code n2} with the control's {@code c1}/{@code n1}: z = (p2 − p1) / SE₀
     * with the pooled SE₀ = √(p̄(1 − p̄)(1/n1 + 1/n2)), p̄ = (c1 + c2)/(n1 + n2), two-sided p = 2Φ(−|z|); the
     * difference's interval uses the unpooled SE = √(p1(1 − p1)/n1 + p2(1 − p2)/n2); the relative lift's interval is
     * exp(ln(p2/p1) ± z·√((1 − p1)/c1 + (1 − p2)/c2)) − 1 (undefined while either has no conversions).
     * Undefined figures (a rate of 0 or 1 in both, so SE₀ = 0) give z = 0 and p = 1.
     */
    static ProportionComparison compare(long c1, long n1, long c2, long n2, double alpha) {
        if (n1 <= 0 || n2 <= 0) {
            throw new IllegalArgumentException("both groups need units");
        }
        double p1 = (double) c1 / n1;
        double p2 = (double) c2 / n2;
        double pooled = (double) (c1 + c2) / (n1 + n2);
        double se0 = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        double z = se0 == 0 ? 0 : (p2 - p1) / se0;
        double p = se0 == 0 ? 1 : twoSidedP(z);
        double critical = quantile(1 - alpha / 2);
        double se = Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
        double difference = p2 - p1;
        Interval absolute = new Interval(difference - critical * se, difference + critical * se);
        Double relative = c1 == 0 ? null : p2 / p1 - 1;
        Interval relativeInterval = null;
        if (c1 > 0 && c2 > 0) {
            double logRatio = Math.log(p2 / p1);
            double seLog = Math.sqrt((1 - p1) / c1 + (1 - p2) / c2);
            relativeInterval = new Interval(Math.exp(logRatio - critical * seLog) - 1,
                    Math.exp(logRatio + critical * seLog) - 1);
        }
        return new ProportionComparison(difference, absolute, relative, relativeInterval, z, p);
    }

    /**
     * Units per variant for a two-sided two-proportion z-test at {@code alpha} with {@code power} to detect a change
     * from p1 = {@code baseline} to p2 = {@code baseline}·(1 + {@code relativeEffect}) (Fleiss, without continuity
     * correction; R's {@code power.prop.test}):
     * n = (z₁₋α/₂·√(2p̄(1 − p̄)) + z₁₋β·√(p1(1 − p1) + p2(1 − p2)))² / (p2 − p1)², p̄ = (p1 + p2)/2, rounded up.
     */
    static long sampleSizePerVariant(double baseline, double relativeEffect, double alpha, double power) {
        double p1 = baseline;
        double p2 = baseline * (1 + relativeEffect);
        if (!(p1 > 0 && p1 < 1 && p2 > 0 && p2 < 1 && p1 != p2)) {
            throw new IllegalArgumentException("rates must be in (0, 1) and differ");
        }
        double mean = (p1 + p2) / 2;
        double zAlpha = quantile(1 - alpha / 2);
        double zBeta = quantile(power);
        double root = zAlpha * Math.sqrt(2 * mean * (1 - mean)) + zBeta * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
        double n = root * root / ((p2 - p1) * (p2 - p1));
        // the floating error of an exact whole number must not add a unit
        return (long) Math.ceil(n - 1e-9);
    }

    /**
     * Welch's two-sided t-test of two means known by their sums: {@code sum} and {@code sumOfSquares} of the values of
     * {@code n} units each (units without revenue count as 0). Null when either group has fewer than two units or
     * both have no spread.
     */
    static @Nullable Double welchP(long n1, double sum1, double sumOfSquares1, long n2, double sum2,
            double sumOfSquares2) {
        if (n1 < 2 || n2 < 2) {
            return null;
        }
        StatisticalSummaryValues a = summary(n1, sum1, sumOfSquares1);
        StatisticalSummaryValues b = summary(n2, sum2, sumOfSquares2);
        if (a.getVariance() == 0 && b.getVariance() == 0) {
            return null;
        }
        return new TTest().tTest(a, b);
    }

    private static StatisticalSummaryValues summary(long n, double sum, double sumOfSquares) {
        double mean = sum / n;
        double variance = Math.max(0, (sumOfSquares - n * mean * mean) / (n - 1));
        // min and max are not used by the t-test
        return new StatisticalSummaryValues(mean, variance, n, Double.NaN, Double.NaN, sum);
    }
}
