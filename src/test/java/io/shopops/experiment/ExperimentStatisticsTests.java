package io.shopops.experiment;

import org.hipparchus.stat.inference.TTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The statistics against values worked out independently. The reference figures were computed with Python's
 * {@code statistics.NormalDist} (its own inverse normal, not Hipparchus'), from the textbook formulas:
 * <ul>
 * <li>two-proportion z-test, control 200/1000 vs treatment 250/1000: p̄ = 0.225,
 * SE₀ = √(0.225·0.775·(2/1000)) = 0.0186748, z = 0.05/SE₀ = 2.677398, two-sided p = 2Φ(−z) = 0.0074196
 * (the often-quoted "z ≈ 2.6968" is not this test's value: neither the pooled nor the unpooled SE gives it; the
 * unpooled SE 0.0186414 gives z = 2.6822);</li>
 * <li>the difference's unpooled 95 % interval: 0.05 ± 1.959964·0.0186414 = [0.013464, 0.086536];</li>
 * <li>the relative lift's log-ratio interval: exp(ln 1.25 ± 1.959964·√(0.8/200 + 0.75/250)) − 1 =
 * [0.060946, 0.472742];</li>
 * <li>Wilson intervals from Newcombe (1998), Statistics in Medicine 17:857–872, table I: 81/263 → 0.2553–0.3662,
 * 15/148 → 0.0624–0.1605, 0/20 → 0–0.1611, 1/29 → 0.0061–0.1718;</li>
 * <li>sample size, baseline 10 %, relative effect 20 % (p2 = 12 %), alpha 0.05 two-sided, power 0.8, with the pooled
 * variance under H0 (Fleiss without continuity correction, the formula of R's power.prop.test): n = 3840.85 → 3,841
 * per variant. The simplification with the unpooled variance under both hypotheses,
 * (z₀.₉₇₅ + z₀.₈)²(p1q1 + p2q2)/δ², gives 3838.1 → 3,839, and Fleiss with continuity correction 3,941.</li>
 * </ul>
 */
class ExperimentStatisticsTests {

    @Test
    void theTwoProportionTestMatchesTheTextbookValues() {
        Statistics.ProportionComparison r = Statistics.compare(200, 1000, 250, 1000, 0.05);

        assertThat(r.z()).isCloseTo(2.677398, within(1e-6));
        assertThat(r.pValue()).isCloseTo(0.0074196, within(1e-7));
        assertThat(r.absoluteLift()).isCloseTo(0.05, within(1e-12));
        assertThat(r.absoluteInterval().low()).isCloseTo(0.013464, within(1e-6));
        assertThat(r.absoluteInterval().high()).isCloseTo(0.086536, within(1e-6));
        assertThat(r.relativeLift()).isCloseTo(0.25, within(1e-12));
        assertThat(r.relativeInterval().low()).isCloseTo(0.060946, within(1e-6));
        assertThat(r.relativeInterval().high()).isCloseTo(0.472742, within(1e-6));
    }

    @Test
    void theTestIsSymmetricAndAnEqualResultIsNotSignificant() {
        Statistics.ProportionComparison down = Statistics.compare(250, 1000, 200, 1000, 0.05);
        assertThat(down.z()).isCloseTo(-2.677398, within(1e-6));
        assertThat(down.pValue()).isCloseTo(0.0074196, within(1e-7));

        Statistics.ProportionComparison same = Statistics.compare(30, 300, 30, 300, 0.05);
        assertThat(same.z()).isZero();
        assertThat(same.pValue()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void noConversionsAnywhereIsNoEvidenceRatherThanAnError() {
        Statistics.ProportionComparison none = Statistics.compare(0, 50, 0, 60, 0.05);
        assertThat(none.z()).isZero();
        assertThat(none.pValue()).isEqualTo(1.0);
        assertThat(none.relativeLift()).isNull();
        assertThat(none.relativeInterval()).isNull();
    }

    @Test
    void wilsonIntervalsMatchNewcombesTable() {
        assertInterval(Statistics.wilson(81, 263, 0.95), 0.2553, 0.3662);
        assertInterval(Statistics.wilson(15, 148, 0.95), 0.0624, 0.1605);
        assertInterval(Statistics.wilson(0, 20, 0.95), 0.0, 0.1611);
        assertInterval(Statistics.wilson(1, 29, 0.95), 0.0061, 0.1718);
        assertInterval(Statistics.wilson(200, 1000, 0.95), 0.1764, 0.2259);
    }

    @Test
    void theSampleSizeIsTheStandardTwoProportionFormulasValue() {
        assertThat(Statistics.sampleSizePerVariant(0.10, 0.20, 0.05, 0.80)).isEqualTo(3841);
        // a larger effect needs fewer units, a stricter alpha or a higher power more
        assertThat(Statistics.sampleSizePerVariant(0.10, 0.50, 0.05, 0.80)).isLessThan(3841);
        assertThat(Statistics.sampleSizePerVariant(0.10, 0.20, 0.01, 0.80)).isGreaterThan(3841);
        assertThat(Statistics.sampleSizePerVariant(0.10, 0.20, 0.05, 0.90)).isGreaterThan(3841);
        // p1 = 0.5, p2 = 0.75, power 0.9: (1.959964·√0.46875 + 1.281552·√0.4375)² / 0.0625 = 76.707 → 77
        assertThat(Statistics.sampleSizePerVariant(0.5, 0.5, 0.05, 0.9)).isEqualTo(77);
    }

    @Test
    void welchsTestFromSumsEqualsHipparchusOnTheRawValues() {
        // revenue per exposed unit: most units bought nothing (0), a few bought once or twice
        double[] control = { 0, 0, 0, 0, 0, 0, 99, 0, 0, 199, 0, 0, 0, 59, 0, 0 };
        double[] treatment = { 0, 129, 0, 0, 99, 0, 0, 299, 0, 0, 99, 0, 0, 0, 59, 0, 0, 0, 199 };
        Double fromSums = Statistics.welchP(control.length, sum(control), squares(control), treatment.length,
                sum(treatment), squares(treatment));
        assertThat(fromSums).isCloseTo(new TTest().tTest(control, treatment), within(1e-12));
        assertThat(Statistics.welchP(1, 5, 25, 10, 50, 300)).isNull();
        assertThat(Statistics.welchP(3, 0, 0, 4, 0, 0)).isNull();
    }

    private static void assertInterval(Statistics.Interval interval, double low, double high) {
        assertThat(interval.low()).isCloseTo(low, within(0.00005));
        assertThat(interval.high()).isCloseTo(high, within(0.00005));
    }

    private static double sum(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum;
    }

    private static double squares(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v * v;
        }
        return sum;
    }
}
