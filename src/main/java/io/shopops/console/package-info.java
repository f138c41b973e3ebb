/**
 * The console's shell: the home page with the shop's live figures, composed from the other modules'
 * facades. It owns no data.
 */
@ApplicationModule(displayName = "Console", allowedDependencies = { "catalog", "inventory", "shared :: *" })
@NullMarked
package io.shopops.console;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
