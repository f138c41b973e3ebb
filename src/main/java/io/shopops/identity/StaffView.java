package io.shopops.identity;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** A staff account as others may see it: never its password hash. */
public record StaffView(
        long id,
        String username,
        String displayName,
        @Nullable String email,
        Set<Role> roles,
        boolean enabled,
        boolean mustChangePassword,
        @Nullable Instant lockedUntil,
        Instant createdAt,
        @Nullable Instant lastLoginAt,
        long version) {

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
