package io.shopops.fulfilment;

import io.shopops.shared.Money;

/**
 * A carrier's price for a parcel (首重 + 續重): the first weight costs {@code firstWeightPrice}; every further
 * {@code additionalWeightGrams} or part of it costs {@code additionalWeightPrice}. 2.3 kg at 1 kg for ¥12 and ¥2
 * per further kg: 12 + 2 × 2 = ¥16.
 */
public record CarrierRate(int firstWeightGrams, Money firstWeightPrice, int additionalWeightGrams,
        Money additionalWeightPrice) {

    public CarrierRate {
        if (firstWeightGrams < 1 || additionalWeightGrams < 1) {
            throw new IllegalArgumentException("weights of a carrier rate must be at least 1 gram");
        }
        if (firstWeightPrice.isNegative() || additionalWeightPrice.isNegative()) {
            throw new IllegalArgumentException("prices of a carrier rate must not be negative");
        }
    }

    public Money costFor(int weightGrams) {
        if (weightGrams < 1) {
            throw new IllegalArgumentException("a parcel weighs at least 1 gram");
        }
        long beyond = Math.max(0, (long) weightGrams - firstWeightGrams);
        long steps = (beyond + additionalWeightGrams - 1) / additionalWeightGrams;
        return firstWeightPrice.plus(additionalWeightPrice.times(steps));
    }
}
