package io.shopops.identity;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A staff account to create. Without a password a temporary one is generated; either way the new member
 * must choose their own at first sign-in.
 */
public record NewStaff(String username, String displayName, @Nullable String email, Set<Role> roles,
        @Nullable String password) {
}
