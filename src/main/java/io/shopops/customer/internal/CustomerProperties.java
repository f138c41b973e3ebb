package io.shopops.customer.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Storefront sign-in settings.
 *
 * @param maxFailedSignIns consecutive failed sign-ins that lock an account
 * @param lockout          how long a locked account stays locked
 * @param sessionLifetime  a token expires this long after its last use
 * @param sessionRetention expired and revoked sessions are deleted this long after they ended
 */
@ConfigurationProperties("shopops.customer")
public record CustomerProperties(
        @DefaultValue("5") int maxFailedSignIns,
        @DefaultValue("15m") Duration lockout,
        @DefaultValue("30d") Duration sessionLifetime,
        @DefaultValue("7d") Duration sessionRetention) {

    public CustomerProperties {
        if (maxFailedSignIns < 1) {
            throw new IllegalArgumentException("shopops.customer.max-failed-sign-ins must be at least 1");
        }
        if (lockout.isNegative() || sessionLifetime.isNegative() || sessionLifetime.isZero()
                || sessionRetention.isNegative()) {
            throw new IllegalArgumentException("shopops.customer durations must be positive");
        }
    }
}
