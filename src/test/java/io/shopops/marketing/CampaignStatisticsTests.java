package io.shopops.marketing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.shopops.marketing.internal.Uplift;
import org.junit.jupiter.api.Test;

/**
 * The hold-out statistics against values computed independently (SciPy 1.17: {@code ttest_ind(equal_var=False)} and
 * {@code t.ppf} with the Welch–Satterthwaite degrees of freedom), and the hold-out split's share and stability.
 */
class CampaignStatisticsTests {

    private static Uplift.Group group(double... values) {
        Uplift.Group g = Uplift.Group.empty();
        for (double v : values) {
            g = g.add(v);
        }
        return g;
    }

    @Test
    void welchIntervalAndPValueMatchATextbookComputation() {
        Uplift.Estimate e = Uplift.meanDifference(group(19.1, 21.3, 20.5, 18.7, 22.0, 20.9),
                group(17.2, 18.5, 16.9, 19.4, 18.0), 0.95);

        assertThat(e.difference()).isCloseTo(2.416666666666668, within(1e-12));
        assertThat(e.low()).isCloseTo(0.8546098310588894, within(1e-9));
        assertThat(e.high()).isCloseTo(3.9787235022744465, within(1e-9));
        assertThat(e.p()).isCloseTo(0.00673223646392983, within(1e-9));
    }

    @Test
    void perMemberRevenueMostlyZeroGivesAWideIntervalAcrossZero() {
        Uplift.Estimate e = Uplift.meanDifference(group(180, 100, 0, 0, 0, 0, 0, 0), group(100, 0, 0, 0, 0), 0.95);

        assertThat(e.difference()).isCloseTo(15.0, within(1e-12));
        assertThat(e.low()).isCloseTo(-54.046334651441086, within(1e-8));
        assertThat(e.high()).isCloseTo(84.04633465144109, within(1e-8));
        assertThat(e.p()).isCloseTo(0.6416468347685187, within(1e-9));
    }

    @Test
    void withoutTwoMembersPerGroupThereIsNoInterval() {
        Uplift.Estimate e = Uplift.meanDifference(group(50, 10), group(20), 0.95);

        assertThat(e.difference()).isEqualTo(10.0);
        assertThat(e.low()).isNull();
        assertThat(e.p()).isNull();
    }

    @Test
    void theHoldoutSplitTakesItsShareAndNeverMovesAMember() {
        int held = 0;
        for (long customer = 1; customer <= 20_000; customer++) {
            boolean out = Campaigns.heldOut("D11-2026", customer, 10);
            held += out ? 1 : 0;
            assertThat(Campaigns.heldOut("d11-2026", customer, 10)).as("case of the code").isEqualTo(out);
            if (out) {
                assertThat(Campaigns.heldOut("D11-2026", customer, 20)).as("a larger share keeps its members").isTrue();
            }
        }
        // 10 % of 20,000 = 2,000; the binomial standard deviation is 42
        assertThat(held).isBetween(1_850, 2_150);
    }
}
