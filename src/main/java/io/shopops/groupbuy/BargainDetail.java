package io.shopops.groupbuy;

/**
 * A bargain as staff audit it: with its seed, and whether every cut's drawn amount is what the seed gives for its
 * helper (recomputed now, see docs/architecture.md).
 */
public record BargainDetail(BargainView bargain, String seed, boolean cutsVerified) {
}
