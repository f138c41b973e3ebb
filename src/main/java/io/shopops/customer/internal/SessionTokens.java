package io.shopops.customer.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Customer session tokens: {@code ct_<prefix>_<secret>}, shaped like the staff's API keys ({@code sk_...}) but
 * never mistaken for one. The prefix finds the stored row; the secret carries 256 random bits, so a plain
 * SHA-256 of the token is enough at rest and verifying a request costs microseconds.
 */
public final class SessionTokens {

    private static final Pattern FORMAT = Pattern.compile("ct_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})");
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Token(String prefix, String value, String hash) {

        @Override
        public String toString() {
            return "Token[" + prefix + "]";
        }
    }

    private SessionTokens() {
    }

    public static Token generate() {
        StringBuilder prefix = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            prefix.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String value = "ct_" + prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new Token(prefix.toString(), value, hash(value));
    }

    /** The prefix of a well-formed token, or empty for anything else (a staff key included). */
    static Optional<String> prefixOf(String token) {
        Matcher matcher = FORMAT.matcher(token);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    static boolean matches(String token, String storedHash) {
        return MessageDigest.isEqual(hash(token).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
