package io.shopops.experiment;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What the storefront shows a unit: the variant, or none ({@code inExperiment} false: show the default
 * experience). {@code exposedAt} is when the unit was first exposed (the same on every repeat).
 */
public record Assignment(String experiment, boolean inExperiment, @Nullable String variant, Reason reason,
        @Nullable Instant exposedAt) {

    public enum Reason {
        /** In the experiment: the variant is the unit's, its exposure recorded (once). */
        ASSIGNED,
        /** Outside the share of traffic the experiment includes. */
        OUTSIDE_TRAFFIC,
        /** A draft, or stopped without a winner: show the default experience. */
        NOT_RUNNING,
        /** Stopped with a winner: everybody gets it; nothing is recorded. */
        WINNER,
        /** A customer experiment asked by somebody not signed in. */
        SIGN_IN_REQUIRED
    }
}
