package io.shopops.identity;

import org.jspecify.annotations.Nullable;

/** The created account, and the generated temporary password if one was generated (shown once). */
public record CreatedStaff(StaffView staff, @Nullable String temporaryPassword) {
}
