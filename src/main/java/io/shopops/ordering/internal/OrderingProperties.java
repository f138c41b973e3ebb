package io.shopops.ordering.internal;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ordering settings ({@code shopops.ordering.*}).
 *
 * @param freeShippingThreshold orders whose goods come to at least this much (after discounts) ship free
 * @param shippingFee           the shipping fee below the threshold
 * @param allocation            how warehouses are chosen: {@code single-warehouse-first} or {@code region-first}
 * @param paymentWindow         how long a placed order waits for its payment before it is cancelled
 * @param reservationGrace      how much longer than the payment window the order's stock stays reserved, so
 *                              that the cancellation (not the reservation's expiry) gives it back
 * @param promisedDelivery      the delivery promised to the customer, counted from the payment
 * @param completeAfter         how long after delivery an order is completed (after-sales closes by default)
 * @param jobBatchSize          how many orders a job reads at a time
 * @param cancelInterval        how often unpaid orders past their window are looked for
 * @param completeInterval      how often delivered orders are looked at for completion
 */
@ConfigurationProperties("shopops.ordering")
public record OrderingProperties(
        @DefaultValue("99.00") BigDecimal freeShippingThreshold,
        @DefaultValue("10.00") BigDecimal shippingFee,
        @DefaultValue("single-warehouse-first") String allocation,
        @DefaultValue("30m") Duration paymentWindow,
        @DefaultValue("15m") Duration reservationGrace,
        @DefaultValue("3d") Duration promisedDelivery,
        @DefaultValue("7d") Duration completeAfter,
        @DefaultValue("100") int jobBatchSize,
        @DefaultValue("1m") Duration cancelInterval,
        @DefaultValue("1h") Duration completeInterval) {

    public OrderingProperties {
        if (freeShippingThreshold.signum() < 0 || shippingFee.signum() < 0) {
            throw new IllegalArgumentException(
                    "shopops.ordering.free-shipping-threshold and shipping-fee must not be negative");
        }
        if (!allocation.equals("single-warehouse-first") && !allocation.equals("region-first")) {
            throw new IllegalArgumentException(
                    "shopops.ordering.allocation must be single-warehouse-first or region-first, not " + allocation);
        }
        for (Duration d : new Duration[] { paymentWindow, promisedDelivery, completeAfter, cancelInterval,
                completeInterval }) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("shopops.ordering durations must be positive");
            }
        }
        if (reservationGrace.isNegative()) {
            throw new IllegalArgumentException("shopops.ordering.reservation-grace must not be negative");
        }
        if (jobBatchSize < 1) {
            throw new IllegalArgumentException("shopops.ordering.job-batch-size must be at least 1");
        }
    }

    /** How long the order's reservations hold the stock: the payment window plus the grace. */
    public Duration reservationTtl() {
        return paymentWindow.plus(reservationGrace);
    }
}
