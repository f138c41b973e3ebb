package io.shopops.loyalty.internal;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The points rules (積分規則).
 *
 * @param earnPerYuan        points earned per ¥1 an order paid (rounded down; 0 turns earning off)
 * @param maxRedeemPercent   the most of an order's goods that points may pay (in %; the rest is paid in money)
 * @param expiryYears        earned points expire at the end of the year this many years after the year earned
 *                           (1: points of 2026 expire at the end of 2027)
 */
@ConfigurationProperties("shopops.loyalty.points")
public record LoyaltyProperties(@DefaultValue("1") BigDecimal earnPerYuan, @DefaultValue("50") int maxRedeemPercent,
        @DefaultValue("1") int expiryYears) {

    public LoyaltyProperties {
        if (earnPerYuan.signum() < 0 || maxRedeemPercent < 0 || maxRedeemPercent > 100 || expiryYears < 0) {
            throw new IllegalArgumentException("shopops.loyalty.points: earn-per-yuan >= 0, max-redeem-percent 0..100,"
                    + " expiry-years >= 0");
        }
    }
}
