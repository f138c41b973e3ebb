package io.shopops.experiment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The split: even to within a percent over 100,000 units, the same for a unit every time, salted by the experiment. */
class ExperimentSplitTests {

    private static final int UNITS = 100_000;
    private static final List<Bucketing.WeightedVariant> FIFTY_THIRTY_TWENTY = List.of(
            new Bucketing.WeightedVariant("control", 5_000), new Bucketing.WeightedVariant("b", 3_000),
            new Bucketing.WeightedVariant("c", 2_000));

    @Test
    void eachVariantGetsItsWeightWithinOnePercent() {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < UNITS; i++) {
            counts.merge(Bucketing.assign("checkout-cta", "device-" + i, 10_000, FIFTY_THIRTY_TWENTY), 1, Integer::sum);
        }
        assertThat(counts.keySet()).containsExactlyInAnyOrder("control", "b", "c");
        assertThat(share(counts.get("control"))).isCloseTo(0.50, within(0.01));
        assertThat(share(counts.get("b"))).isCloseTo(0.30, within(0.01));
        assertThat(share(counts.get("c"))).isCloseTo(0.20, within(0.01));
    }

    @Test
    void theTrafficShareIncludesThatShareOfUnitsAndTheirVariantsStayTheSameWhenItGrows() {
        int included = 0;
        int moved = 0;
        for (int i = 0; i < UNITS; i++) {
            String at25 = Bucketing.assign("banner", "customer-" + i, 2_500, FIFTY_THIRTY_TWENTY);
            if (at25 != null) {
                included++;
                if (!at25.equals(Bucketing.assign("banner", "customer-" + i, 10_000, FIFTY_THIRTY_TWENTY))) {
                    moved++;
                }
            }
        }
        assertThat(share(included)).isCloseTo(0.25, within(0.01));
        assertThat(moved).isZero();
    }

    @Test
    void aUnitAlwaysGetsTheSameVariant() {
        for (int i = 0; i < 1_000; i++) {
            String first = Bucketing.assign("checkout-cta", "unit-" + i, 10_000, FIFTY_THIRTY_TWENTY);
            for (int repeat = 0; repeat < 5; repeat++) {
                assertThat(Bucketing.assign("checkout-cta", "unit-" + i, 10_000, FIFTY_THIRTY_TWENTY)).isEqualTo(first);
            }
        }
        // pinned: the split must not change between releases or nodes. Python's hashlib: the SHA-256 of
        // "checkout-cta:unit-42", bytes 0-7 and 8-15 as unsigned big-endian integers mod 10,000
        assertThat(Bucketing.buckets("checkout-cta", "unit-42")).isEqualTo(new Bucketing.Buckets(4062, 535));
    }

    @Test
    void anotherExperimentKeyReshufflesTheUnits() {
        List<Bucketing.WeightedVariant> half = List.of(new Bucketing.WeightedVariant("a", 5_000),
                new Bucketing.WeightedVariant("b", 5_000));
        int same = 0;
        for (int i = 0; i < UNITS; i++) {
            if (Bucketing.assign("exp-one", "u" + i, 10_000, half).equals(Bucketing.assign("exp-two", "u" + i, 10_000, half))) {
                same++;
            }
        }
        // independent splits agree on half of the units, not on all of them
        assertThat(share(same)).isCloseTo(0.50, within(0.01));
    }

    private static double share(long count) {
        return (double) count / UNITS;
    }
}
