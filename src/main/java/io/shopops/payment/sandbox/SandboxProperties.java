package io.shopops.payment.sandbox;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sandbox provider's settings.
 *
 * @param enabled        whether the sandbox is a provider at all (turn it off where real money is taken: anyone
 *                       can "pay" on its cashier page)
 * @param secret         the shared secret notifications are signed with (HMAC-SHA256); the development default is
 *                       refused on a shared (PostgreSQL) database
 * @param notifyUrl      where notifications are sent; unset: this node's own endpoint,
 *                       {@code http://localhost:<server port>/api/v1/payments/notify/sandbox}
 * @param cashierBaseUrl put in front of {@code /sandbox/pay/<token>} in cashier URLs; unset: relative URLs
 * @param merchant       the merchant name the cashier shows; unset: the shop's name
 * @param retryDelays    the waits before the second, third, ... attempt to deliver a notification not answered
 *                       {@code success} (the last one repeats): Alipay's schedule, compressed
 * @param maxAttempts    after this many attempts a notification is given up (Alipay: 25)
 * @param timeout        how long one attempt waits to connect and for the answer
 */
@ConfigurationProperties("shopops.payment.sandbox")
public record SandboxProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue(SandboxProperties.DEVELOPMENT_SECRET) String secret,
        @Nullable String notifyUrl,
        @Nullable String cashierBaseUrl,
        @Nullable String merchant,
        @DefaultValue({ "2s", "4s", "10s", "30s", "1m", "2m", "5m", "10m", "30m", "1h" }) List<Duration> retryDelays,
        @DefaultValue("25") int maxAttempts,
        @DefaultValue("10s") Duration timeout) {

    /** Signs notifications on a developer's machine; never accepted on a shared database. */
    public static final String DEVELOPMENT_SECRET = "sandbox-development-secret-do-not-use-in-production";

    public SandboxProperties {
        if (secret.length() < 16) {
            throw new IllegalArgumentException("shopops.payment.sandbox.secret must have at least 16 characters");
        }
        if (retryDelays.isEmpty() || retryDelays.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("shopops.payment.sandbox.retry-delays must be positive durations");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("shopops.payment.sandbox.max-attempts must be at least 1");
        }
        retryDelays = List.copyOf(retryDelays);
        notifyUrl = notifyUrl == null || notifyUrl.isBlank() ? null : notifyUrl.trim();
        if (notifyUrl != null) {
            URI uri = URI.create(notifyUrl);
            if (!uri.isAbsolute() || uri.getHost() == null) {
                throw new IllegalArgumentException("shopops.payment.sandbox.notify-url must be an absolute http(s) URL");
            }
        }
    }

    @Nullable URI notifyUri() {
        return notifyUrl == null ? null : URI.create(notifyUrl);
    }

    /** The wait before attempt {@code attempt + 1}, after {@code attempt} attempts failed. */
    Duration delayAfter(int attempt) {
        return retryDelays.get(Math.min(Math.max(attempt, 1), retryDelays.size()) - 1);
    }
}
