package io.shopops.payment.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Payment settings.
 *
 * @param defaultExpiry   how long a cashier accepts a payment unless the request says otherwise
 * @param maxExpiry       the longest a request may ask for
 * @param repairAfter     a payment (or refund) still pending this long after it was started is asked about at the
 *                        provider by the repair job: its notification is late or lost
 * @param repairInterval  how often the repair job runs
 * @param repairBatchSize how many pending payments or refunds the repair job takes at a time
 */
@ConfigurationProperties("shopops.payment")
public record PaymentProperties(
        @DefaultValue("15m") Duration defaultExpiry,
        @DefaultValue("1d") Duration maxExpiry,
        @DefaultValue("5m") Duration repairAfter,
        @DefaultValue("1m") Duration repairInterval,
        @DefaultValue("100") int repairBatchSize) {

    public PaymentProperties {
        if (defaultExpiry.isNegative() || defaultExpiry.isZero() || defaultExpiry.compareTo(maxExpiry) > 0) {
            throw new IllegalArgumentException(
                    "shopops.payment.default-expiry must be positive and at most shopops.payment.max-expiry");
        }
        if (repairAfter.isNegative() || repairInterval.isNegative() || repairInterval.isZero()) {
            throw new IllegalArgumentException(
                    "shopops.payment.repair-after must not be negative and shopops.payment.repair-interval positive");
        }
        if (repairBatchSize < 1) {
            throw new IllegalArgumentException("shopops.payment.repair-batch-size must be at least 1");
        }
    }
}
