package io.shopops.experiment;

import org.jspecify.annotations.Nullable;

/**
 * Stopping a running experiment: the version read, an optional winner (a variant key, which the storefront then
 * serves to everybody) and a conclusion note.
 */
public record StopDecision(@Nullable Long version, @Nullable String winner, @Nullable String conclusion) {
}
