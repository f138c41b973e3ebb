/**
 * Staff accounts, the operations team's roles and what each may do, sign-in for the console and API keys
 * for the REST API. Every other module names permissions as authority strings ({@code catalog:write}); the
 * mapping of roles to permissions lives here and in docs/security.md.
 */
@ApplicationModule(displayName = "Identity", allowedDependencies = { "audit", "shared :: *" })
@NullMarked
package io.shopops.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
