package io.shopops.payment.sandbox;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How sandbox notifications are signed, as Alipay signs its own: the parameters except {@code sign} and
 * {@code sign_type} and those without a value, sorted by name, joined as {@code name=value&name=value} (values as
 * they are, not URL-encoded), then HMAC-SHA256 with the shared secret, in lower-case hex. Bodies are
 * {@code application/x-www-form-urlencoded}.
 */
public final class SandboxSignature {

    public static final String SIGN = "sign";
    public static final String SIGN_TYPE = "sign_type";
    public static final String ALGORITHM = "HMAC-SHA256";

    private SandboxSignature() {
    }

    /** The string that is signed. */
    public static String canonical(Map<String, String> parameters) {
        StringJoiner joined = new StringJoiner("&");
        new TreeMap<>(parameters).forEach((name, value) -> {
            if (!name.equals(SIGN) && !name.equals(SIGN_TYPE) && value != null && !value.isEmpty()) {
                joined.add(name + "=" + value);
            }
        });
        return joined.toString();
    }

    public static String sign(Map<String, String> parameters, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(canonical(parameters).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** Whether the parameters carry a valid signature by {@code secret}; compared in constant time. */
    public static boolean verify(Map<String, String> parameters, String secret) {
        String given = parameters.get(SIGN);
        if (given == null || !ALGORITHM.equals(parameters.get(SIGN_TYPE))) {
            return false;
        }
        return MessageDigest.isEqual(sign(parameters, secret).getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }

    /** The parameters with their signature, as a form-encoded body. */
    public static String signedBody(Map<String, String> parameters, String secret) {
        Map<String, String> signed = new TreeMap<>(parameters);
        signed.put(SIGN_TYPE, ALGORITHM);
        signed.put(SIGN, sign(signed, secret));
        StringJoiner body = new StringJoiner("&");
        signed.forEach((name, value) -> body.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return body.toString();
    }

    /**
     * Reads a form-encoded body. Throws {@link IllegalArgumentException} for a part without '=', a broken
     * escape or a parameter given twice.
     */
    public static Map<String, String> parse(String body) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (body.isBlank()) {
            return parameters;
        }
        for (String part : body.trim().split("&")) {
            int equals = part.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("the body is not form-encoded name=value pairs");
            }
            String name = URLDecoder.decode(part.substring(0, equals), StandardCharsets.UTF_8);
            String value = URLDecoder.decode(part.substring(equals + 1), StandardCharsets.UTF_8);
            if (parameters.put(name, value) != null) {
                throw new IllegalArgumentException("the parameter " + name + " is given twice");
            }
        }
        return parameters;
    }
}
