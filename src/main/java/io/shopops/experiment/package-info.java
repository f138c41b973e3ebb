/**
 * Experiments (A/B tests): variants of a storefront experience split by a deterministic hash of the customer or
 * device, exposures recorded once per unit, conversions (a custom client event, or the first paid order after
 * exposure, from ordering's {@link io.shopops.ordering.OrderPaid}), and results with conversion rates, lift,
 * confidence intervals and p-values under a fixed-horizon rule that warns against reading them early.
 *
 * <p>Facades: {@link io.shopops.experiment.Experiments} (staff: define, start, stop, results, sample sizes) and
 * {@link io.shopops.experiment.ExperimentTracking} (the storefront's assignments and conversions).
 */
@ApplicationModule(displayName = "Experiments (A/B tests)", allowedDependencies = { "ordering", "customer", "audit",
        "shared :: *" })
@NullMarked
package io.shopops.experiment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
