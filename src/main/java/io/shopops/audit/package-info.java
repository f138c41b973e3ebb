/**
 * The audit log: an append-only record of every state-changing staff action (who, when, what, before and
 * after). Modules write to it through {@link io.shopops.audit.AuditLog} in the same transaction as the
 * change, so an entry exists exactly when the change does.
 */
@ApplicationModule(displayName = "Audit")
@NullMarked
package io.shopops.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
