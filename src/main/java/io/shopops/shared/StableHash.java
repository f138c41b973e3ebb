package io.shopops.shared;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Deterministic, stateless splits of units (customers, devices) into buckets: SHA-256 of a text, the same on every
 * node and in every release, so an assignment never needs to be stored to be repeated.
 */
public final class StableHash {

    private StableHash() {
    }

    public static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The first 8 bytes of the text's SHA-256, unsigned, modulo {@code buckets}. */
    public static int bucket(String text, int buckets) {
        return (int) Long.remainderUnsigned(ByteBuffer.wrap(sha256(text)).getLong(), buckets);
    }
}
