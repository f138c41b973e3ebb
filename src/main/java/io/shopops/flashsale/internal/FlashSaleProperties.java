package io.shopops.flashsale.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Flash-sale settings ({@code shopops.flashsale.*}).
 *
 * @param soldOutMarker      how long a node refuses attempts for an item it saw sold out without asking the
 *                           database (units another node's job gives back are seen again after this)
 * @param settingsCache      how long a node keeps a session's settings (window, status, limit) for the gate;
 *                           only refusals rely on them, every accept is decided by the database
 * @param attemptsPerSecond  attempts one customer may make per second on one node before 429 (a bot guard kept in
 *                           each node's memory, so n nodes allow n times as many); 0 turns it off
 * @param jobInterval        how often the jobs look for entitlements not used in time, unpaid flash orders and
 *                           sessions that ended
 * @param jobBatchSize       how many rows a job reads at a time
 */
@ConfigurationProperties("shopops.flashsale")
public record FlashSaleProperties(
        @DefaultValue("1s") Duration soldOutMarker,
        @DefaultValue("1s") Duration settingsCache,
        @DefaultValue("5") int attemptsPerSecond,
        @DefaultValue("10s") Duration jobInterval,
        @DefaultValue("200") int jobBatchSize) {

    public FlashSaleProperties {
        if (soldOutMarker.isNegative() || soldOutMarker.compareTo(Duration.ofSeconds(5)) > 0) {
            throw new IllegalArgumentException("shopops.flashsale.sold-out-marker must be between 0 and 5s");
        }
        if (settingsCache.isNegative() || settingsCache.compareTo(Duration.ofSeconds(5)) > 0) {
            throw new IllegalArgumentException("shopops.flashsale.settings-cache must be between 0 and 5s");
        }
        if (attemptsPerSecond < 0) {
            throw new IllegalArgumentException("shopops.flashsale.attempts-per-second must not be negative");
        }
        if (jobInterval.isNegative() || jobInterval.isZero()) {
            throw new IllegalArgumentException("shopops.flashsale.job-interval must be positive");
        }
        if (jobBatchSize < 1) {
            throw new IllegalArgumentException("shopops.flashsale.job-batch-size must be at least 1");
        }
    }
}
