package io.shopops.experiment;

import java.nio.ByteBuffer;
import java.util.List;

import io.shopops.shared.StableHash;

import org.jspecify.annotations.Nullable;

/**
 * The split, deterministic and stateless (the same answer on every node, for ever): SHA-256 of
 * {@code experimentKey + ":" + unitKey}; its first 8 bytes (unsigned, mod 10,000) are the traffic bucket, the next
 * 8 the variant bucket. A unit is included when its traffic bucket is below the traffic share in basis points; its
 * variant is the one whose cumulative weight (in basis points) first exceeds its variant bucket. Two buckets from
 * one digest are independent, so changing the traffic share never moves an included unit to another variant.
 */
final class Bucketing {

    static final int BUCKETS = 10_000;

    private Bucketing() {
    }

    record Buckets(int traffic, int variant) {
    }

    static Buckets buckets(String experimentKey, String unitKey) {
        byte[] digest = StableHash.sha256(experimentKey + ":" + unitKey);
        ByteBuffer bytes = ByteBuffer.wrap(digest);
        long first = bytes.getLong();
        long second = bytes.getLong();
        return new Buckets((int) Long.remainderUnsigned(first, BUCKETS), (int) Long.remainderUnsigned(second, BUCKETS));
    }

    /**
     * The unit's variant key, or null when it falls outside the traffic share.
     *
     * @param trafficBasisPoints the included share in basis points (1 to 10,000)
     * @param variants           keys and weights in basis points, in the definition's order, adding up to 10,000
     */
    static @Nullable String assign(String experimentKey, String unitKey, int trafficBasisPoints,
            List<WeightedVariant> variants) {
        Buckets buckets = buckets(experimentKey, unitKey);
        if (buckets.traffic() >= trafficBasisPoints) {
            return null;
        }
        int cumulative = 0;
        for (WeightedVariant variant : variants) {
            cumulative += variant.basisPoints();
            if (buckets.variant() < cumulative) {
                return variant.key();
            }
        }
        return variants.getLast().key();
    }

    record WeightedVariant(String key, int basisPoints) {
    }
}
