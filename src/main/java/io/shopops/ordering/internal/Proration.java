package io.shopops.ordering.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.shopops.shared.Money;

/**
 * Shares an amount out over parts in proportion to their weights, to the cent, with nothing lost: each part
 * gets its proportional share rounded down, and the cents left over go to the parts with the largest rounded-off
 * remainders (the earlier part on a tie). Used for discounts over lines and for a line split over warehouses.
 */
public final class Proration {

    private Proration() {
    }

    public static List<Money> split(Money amount, List<Long> weights) {
        long total = amount.minorUnits();
        BigInteger sum = weights.stream().map(BigInteger::valueOf).reduce(BigInteger.ZERO, BigInteger::add);
        List<Money> shares = new ArrayList<>();
        if (weights.isEmpty()) {
            return shares;
        }
        if (sum.signum() == 0) {
            if (total != 0) {
                throw new IllegalArgumentException("Cannot share " + amount + " over parts that weigh nothing");
            }
            weights.forEach(w -> shares.add(amount));
            return shares;
        }
        long[] floor = new long[weights.size()];
        BigInteger[] remainder = new BigInteger[weights.size()];
        long given = 0;
        for (int i = 0; i < weights.size(); i++) {
            if (weights.get(i) < 0) {
                throw new IllegalArgumentException("Weights are never negative");
            }
            BigInteger[] division = BigInteger.valueOf(total).multiply(BigInteger.valueOf(weights.get(i)))
                    .divideAndRemainder(sum);
            floor[i] = division[0].longValueExact();
            remainder[i] = division[1];
            given += floor[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer, BigInteger>comparing(i -> remainder[i]).reversed()
                .thenComparing(Comparator.naturalOrder()));
        for (int k = 0; k < total - given; k++) {
            floor[order.get(k)]++;
        }
        for (long cents : floor) {
            shares.add(Money.ofMinor(cents, amount.currency()));
        }
        return shares;
    }

    /**
     * Shares an amount out in proportion to the weights, but never more than a part's cap: a part whose share
     * would pass its cap gets the cap, and the rest is shared again over the others (water-filling). The amount
     * must not exceed the caps' sum.
     */
    public static List<Money> splitCapped(Money amount, List<Long> weights, List<Long> caps) {
        int n = weights.size();
        long[] given = new long[n];
        boolean[] full = new boolean[n];
        long left = amount.minorUnits();
        while (left > 0) {
            List<Integer> open = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (!full[i]) {
                    open.add(i);
                }
            }
            if (open.isEmpty()) {
                throw new IllegalArgumentException("Cannot share " + amount + " within caps " + caps);
            }
            boolean anyWeight = open.stream().anyMatch(i -> weights.get(i) > 0);
            List<Money> shares = split(Money.ofMinor(left, amount.currency()),
                    open.stream().map(i -> anyWeight ? weights.get(i) : caps.get(i) - given[i]).toList());
            boolean capped = false;
            for (int k = 0; k < open.size(); k++) {
                int i = open.get(k);
                if (given[i] + shares.get(k).minorUnits() >= caps.get(i)) {
                    left -= caps.get(i) - given[i];
                    given[i] = caps.get(i);
                    full[i] = true;
                    capped = true;
                }
            }
            if (!capped) {
                for (int k = 0; k < open.size(); k++) {
                    given[open.get(k)] += shares.get(k).minorUnits();
                }
                left = 0;
            }
        }
        List<Money> result = new ArrayList<>();
        for (long cents : given) {
            result.add(Money.ofMinor(cents, amount.currency()));
        }
        return result;
    }
}
