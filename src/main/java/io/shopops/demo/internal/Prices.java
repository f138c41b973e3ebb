package io.shopops.demo.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.random.RandomGenerator;

/** Prices the way Chinese shops set them: 49, 199, 1999 — and discounts and costs around them. */
final class Prices {

    private Prices() {
    }

    /** A list price drawn log-uniformly between the bounds, rounded to a "nice" shop price. */
    static BigDecimal listPrice(RandomGenerator random, int min, int max) {
        double value = Math.exp(Math.log(min) + random.nextDouble() * (Math.log(max) - Math.log(min)));
        return nice(value);
    }

    static BigDecimal nice(double value) {
        long rounded;
        if (value < 100) {
            rounded = Math.max(9, Math.round(value / 10.0) * 10 - 1);
        } else if (value < 1000) {
            rounded = Math.round(value / 10.0) * 10 - 1;
        } else {
            rounded = Math.round(value / 100.0) * 100 - 1;
        }
        return BigDecimal.valueOf(rounded).setScale(2, RoundingMode.UNNECESSARY);
    }

    /** The sale price: the list price, or for about 70 % of products a discount of 5 to 25 %. */
    static BigDecimal salePrice(RandomGenerator random, BigDecimal list, boolean discounted) {
        if (!discounted) {
            return list;
        }
        BigDecimal sale = nice(list.doubleValue() * (0.75 + random.nextDouble() * 0.2));
        return sale.compareTo(list) > 0 ? list : sale;
    }

    /** What the shop paid: 35 to 60 % of the sale price, to the fen. */
    static BigDecimal cost(RandomGenerator random, BigDecimal sale) {
        return sale.multiply(BigDecimal.valueOf(0.35 + random.nextDouble() * 0.25)).setScale(2, RoundingMode.HALF_UP);
    }

    static BigDecimal scale(BigDecimal price, double factor) {
        return nice(price.doubleValue() * factor);
    }
}
