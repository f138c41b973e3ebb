package io.shopops.groupbuy;

import java.util.HashSet;
import java.util.Set;

import io.shopops.customer.CustomerId;
import io.shopops.groupbuy.internal.CutDraw;
import io.shopops.shared.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The seeded draw of a helper's cut: within the bounds, the same every time for a helper, spread across helpers. */
class CutDrawTests {

    static final Money MIN = Money.of("1.00", Money.CNY);
    static final Money MAX = Money.of("5.00", Money.CNY);

    @Test
    void aSeedIsSixtyFourHexDigitsAndNeverTheSameTwice() {
        String seed = CutDraw.newSeed();
        assertThat(seed).matches("[0-9a-f]{64}");
        assertThat(CutDraw.newSeed()).isNotEqualTo(seed);
    }

    @Test
    void aHelperAlwaysDrawsTheSameAmountWithinTheBoundsAndHelpersDrawDifferentAmounts() {
        String seed = CutDraw.newSeed();
        BargainId bargain = new BargainId(42);
        Set<Money> drawn = new HashSet<>();
        for (long helper = 1; helper <= 200; helper++) {
            Money amount = CutDraw.draw(seed, bargain, new CustomerId(helper), MIN, MAX);
            assertThat(amount).isBetween(MIN, MAX);
            assertThat(CutDraw.draw(seed, bargain, new CustomerId(helper), MIN, MAX)).isEqualTo(amount);
            drawn.add(amount);
        }
        // 401 possible amounts, 200 draws: a fair draw gives many different ones
        assertThat(drawn).hasSizeGreaterThan(100);
        assertThat(drawn).contains(drawn.stream().min(Money::compareTo).orElseThrow());
    }

    @Test
    void anotherSeedOrBargainDrawsOtherwiseAndEqualBoundsDrawExactlyThem() {
        String seed = CutDraw.newSeed();
        CustomerId helper = new CustomerId(7);
        long differing = 0;
        for (long bargain = 1; bargain <= 50; bargain++) {
            differing += CutDraw.draw(seed, new BargainId(bargain), helper, MIN, MAX)
                    .equals(CutDraw.draw(CutDraw.newSeed(), new BargainId(bargain), helper, MIN, MAX)) ? 0 : 1;
        }
        assertThat(differing).isGreaterThan(40);
        assertThat(CutDraw.draw(seed, new BargainId(1), helper, MIN, MIN)).isEqualTo(MIN);
        assertThatThrownBy(() -> CutDraw.draw(seed, new BargainId(1), helper, MAX, MIN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
