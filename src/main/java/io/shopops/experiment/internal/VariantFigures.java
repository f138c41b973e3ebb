package io.shopops.experiment.internal;

import java.math.BigDecimal;

/**
 * What one variant has gathered: exposed units, converted units, and for ORDER_PAID the revenue after exposure
 * with the sum of squares of each unit's total (for the variance of revenue per unit).
 */
public record VariantFigures(long exposures, long conversions, BigDecimal revenue, BigDecimal revenueSquares) {

    public static final VariantFigures NONE = new VariantFigures(0, 0, BigDecimal.ZERO, BigDecimal.ZERO);
}
