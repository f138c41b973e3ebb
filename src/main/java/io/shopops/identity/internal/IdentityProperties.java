package io.shopops.identity.internal;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in settings.
 *
 * @param maxFailedLogins      consecutive failed sign-ins that lock an account
 * @param lockout              how long a locked account stays locked
 * @param sessionTimeout       console sessions end after this much inactivity
 * @param initialAdminPassword the first administrator's password; generated (and printed once) when unset
 */
@ConfigurationProperties("shopops.security")
public record IdentityProperties(
        @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("15m") Duration lockout,
        @DefaultValue("2h") Duration sessionTimeout,
        @Nullable String initialAdminPassword) {
}
