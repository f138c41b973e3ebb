package io.shopops.groupbuy.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.shopops.customer.CustomerId;
import io.shopops.groupbuy.BargainId;
import io.shopops.shared.Money;

/**
 * The random amount a helper cuts off a bargain, drawn so that it can be checked afterwards: the bargain gets 256
 * bits from a {@link SecureRandom} when it starts (its seed, kept with it), and a helper's amount is HMAC-SHA256
 * under that seed of {@code "<bargainId>:<helperId>"}, its first 8 bytes read as an unsigned number, modulo the
 * number of fen from {@code min} to {@code max} (both included), added to {@code min}. Nobody can choose their
 * amount, the same helper always draws the same amount, and anyone given the seed can recompute every cut (the
 * modulo's bias is below one in 10⁸ for any range a bargain can have).
 */
public final class CutDraw {

    private static final SecureRandom RANDOM = new SecureRandom();

    private CutDraw() {
    }

    /** A new bargain's seed: 32 random bytes as 64 hex digits. */
    public static String newSeed() {
        byte[] seed = new byte[32];
        RANDOM.nextBytes(seed);
        return HexFormat.of().formatHex(seed);
    }

    public static Money draw(String seed, BargainId bargain, CustomerId helper, Money min, Money max) {
        long low = min.minorUnits();
        long range = max.minorUnits() - low + 1;
        if (range < 1) {
            throw new IllegalArgumentException("The largest cut must not be below the smallest");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HexFormat.of().parseHex(seed), "HmacSHA256"));
            byte[] digest = mac.doFinal((bargain.value() + ":" + helper.value()).getBytes(StandardCharsets.US_ASCII));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (digest[i] & 0xff);
            }
            return Money.ofMinor(low + Long.remainderUnsigned(value, range), min.currency());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
