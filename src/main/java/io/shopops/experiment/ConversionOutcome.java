package io.shopops.experiment;

import org.jspecify.annotations.Nullable;

/** Whether a reported conversion counted, and if not, why. */
public record ConversionOutcome(String experiment, boolean counted, @Nullable String variant, Reason reason) {

    public enum Reason {
        /** The unit's first conversion after its exposure: counted. */
        COUNTED,
        /** The unit converted before: counted once only. */
        ALREADY_COUNTED,
        /** The unit was never exposed to the experiment: not counted. */
        NOT_EXPOSED,
        /** The experiment is not running: not counted. */
        NOT_RUNNING,
        /** A customer experiment reported by somebody not signed in. */
        SIGN_IN_REQUIRED
    }
}
