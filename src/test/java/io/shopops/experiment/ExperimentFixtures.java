package io.shopops.experiment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Experiment definitions for tests, with unique keys (test contexts share their database). */
final class ExperimentFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private ExperimentFixtures() {
    }

    static String uniqueKey(String prefix) {
        return prefix + "-" + System.nanoTime() % 1_000_000_000L + "-" + SEQUENCE.incrementAndGet();
    }

    static NewExperiment.Variant variant(String key, String weight, boolean control) {
        return new NewExperiment.Variant(key, "Variant " + key, new BigDecimal(weight), control);
    }

    /** A 50/50 experiment planned from now for two weeks: baseline 10 %, relative effect 20 % (3,841 per variant). */
    static NewExperiment definition(String key, ExperimentUnit unit, ExperimentMetric metric, Instant now) {
        return new NewExperiment(key, "Test " + key, "The new button converts better", unit,
                List.of(variant("control", "50", true), variant("treatment", "50", false)), null, metric,
                metric == ExperimentMetric.CUSTOM_EVENT ? "signup" : null, null, null, new BigDecimal("0.10"),
                new BigDecimal("0.20"), now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(14)));
    }

    /** A running experiment. */
    static ExperimentView running(Experiments experiments, NewExperiment definition) {
        ExperimentView draft = experiments.create(definition);
        return experiments.start(draft.key(), draft.version());
    }
}
