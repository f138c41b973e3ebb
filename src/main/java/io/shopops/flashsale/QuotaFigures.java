package io.shopops.flashsale;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.shopops.catalog.SkuId;

/**
 * A flash-sale item's quota as it stands (see docs/metrics.md).
 *
 * @param taken   units held by entitlements: accepted and not yet used, in orders placed, in orders paid
 * @param holding units accepted and not yet in an order
 * @param ordered units in orders placed (paid or not, not cancelled)
 * @param paid    units in paid orders
 */
public record QuotaFigures(SkuId skuId, int quota, int taken, int holding, int ordered, int paid) {

    public int remaining() {
        return quota - taken;
    }

    public boolean soldOut() {
        return taken >= quota;
    }

    /** Paid units ÷ quota, in percent with one decimal (售罄率 as paid). */
    public BigDecimal sellThroughPercent() {
        return BigDecimal.valueOf(paid * 100L).divide(BigDecimal.valueOf(quota), 1, RoundingMode.HALF_UP);
    }

    /** Taken units ÷ quota, in percent with one decimal. */
    public BigDecimal takenPercent() {
        return BigDecimal.valueOf(taken * 100L).divide(BigDecimal.valueOf(quota), 1, RoundingMode.HALF_UP);
    }
}
