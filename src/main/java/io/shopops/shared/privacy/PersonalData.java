package io.shopops.shared.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Encrypts and decrypts personal data (phone, email, names, addresses) with AES-256-GCM. The stored form is
 * {@code v1:<keyId>:<base64(iv|ciphertext|tag)>}, so that data written under a retired key still decrypts after
 * a rotation, and {@link #needsReencryption} finds what a background job should rewrite. Lookups use a keyed
 * hash (HMAC-SHA256 with a separate key) of the normalised value: equality search without decrypting.
 */
public final class PersonalData {

    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final String activeKeyId;
    private final Map<String, SecretKeySpec> keys;
    private final SecretKeySpec lookupKey;

    public PersonalData(String activeKey, Iterable<String> retiredKeys, String lookupKey) {
        Map<String, SecretKeySpec> ring = new LinkedHashMap<>();
        String[] active = parse(activeKey);
        ring.put(active[0], aes(active[1]));
        for (String retired : retiredKeys) {
            if (retired == null || retired.isBlank()) {
                continue;
            }
            String[] parts = parse(retired);
            ring.putIfAbsent(parts[0], aes(parts[1]));
        }
        this.activeKeyId = active[0];
        this.keys = Map.copyOf(ring);
        this.lookupKey = new SecretKeySpec(Base64.getDecoder().decode(parse(lookupKey)[1]), "HmacSHA256");
    }

    /** A new key in the stored form {@code id:base64}, for configuration. */
    public static String newKey(String id) {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return id + ":" + Base64.getEncoder().encodeToString(bytes);
    }

    public @Nullable String encrypt(@Nullable String plaintext) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(activeKeyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return PREFIX + activeKeyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required by every Java platform", e);
        }
    }

    public @Nullable String decrypt(@Nullable String stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Not an encrypted value");
        }
        int colon = stored.indexOf(':', PREFIX.length());
        String keyId = stored.substring(PREFIX.length(), colon);
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("Personal data is encrypted with key '" + keyId
                    + "', which is not configured (shopops.privacy.retired-keys)");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Personal data failed its integrity check", e);
        }
    }

    /** Whether a stored value was written under a key other than the active one (to rewrite after a rotation). */
    public boolean needsReencryption(@Nullable String stored) {
        return stored != null && !stored.startsWith(PREFIX + activeKeyId + ":");
    }

    /**
     * A keyed hash of the value as normalised by the caller (trimmed, lower-cased email, digits-only phone):
     * equal values give equal hashes, and without the key nobody can test guesses against the table.
     */
    public String lookupHash(String normalised) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(lookupKey);
            return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is required by every Java platform", e);
        }
    }

    private static String[] parse(String key) {
        int colon = key.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("A key is written as id:base64");
        }
        return new String[] { key.substring(0, colon), key.substring(colon + 1) };
    }

    private static SecretKeySpec aes(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64);
        if (bytes.length != 32) {
            throw new IllegalArgumentException("A personal-data key must be 32 bytes (AES-256)");
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
