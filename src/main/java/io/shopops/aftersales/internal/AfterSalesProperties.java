package io.shopops.aftersales.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * After-sales settings ({@code shopops.aftersales.*}).
 *
 * @param noReasonReturnWindow the seven-day no-reason return (七天無理由): how long after delivery it may be asked for
 * @param window               how long after delivery any other request may be made (the shop's after-sales
 *                             period; also counts from payment for an order never delivered)
 * @param returnShipWithin     how long an approved return waits for the customer to ship it back before it is
 *                             cancelled and its claim given back
 * @param refundRepairAfter    a refund still pending this long is asked for again (same key: never twice)
 * @param jobInterval          how often the jobs look for such requests
 * @param maxEvidence          how many evidence URLs a request may carry
 */
@ConfigurationProperties("shopops.aftersales")
public record AfterSalesProperties(
        @DefaultValue("7d") Duration noReasonReturnWindow,
        @DefaultValue("15d") Duration window,
        @DefaultValue("7d") Duration returnShipWithin,
        @DefaultValue("2m") Duration refundRepairAfter,
        @DefaultValue("1m") Duration jobInterval,
        @DefaultValue("9") int maxEvidence) {

    public AfterSalesProperties {
        for (Duration d : new Duration[] { noReasonReturnWindow, window, returnShipWithin, refundRepairAfter,
                jobInterval }) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("shopops.aftersales durations must be positive");
            }
        }
        if (maxEvidence < 0 || maxEvidence > 50) {
            throw new IllegalArgumentException("shopops.aftersales.max-evidence must be between 0 and 50");
        }
    }
}
