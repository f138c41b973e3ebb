package io.shopops.demo.internal;

/**
 * Zipf-like popularity: the item of rank k (1-based) gets weight 1 / k^s. Online shops' sales follow this
 * shape (a few best sellers, a long tail), which is what makes low-stock lists and dashboards look real.
 */
final class Zipf {

    private final double[] weights;

    Zipf(int size, double exponent) {
        weights = new double[size];
        double total = 0;
        for (int rank = 1; rank <= size; rank++) {
            weights[rank - 1] = 1.0 / Math.pow(rank, exponent);
            total += weights[rank - 1];
        }
        for (int i = 0; i < size; i++) {
            weights[i] /= total;
        }
    }

    /** Share of the whole for the item of 0-based rank; all shares add up to 1. */
    double share(int rank) {
        return weights[rank];
    }

    /** Share relative to the best seller (rank 0 gives 1.0). */
    double relative(int rank) {
        return weights[rank] / weights[0];
    }
}
