package io.shopops.fulfilment.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Fulfilment settings.
 *
 * @param stuckAfter how long a shipment with its carrier may go without a tracking event before it counts as stuck
 * @param clockSkew  how far in the future (by this server's clock) a tracking event's time may lie: carriers'
 *                   clocks differ a little from ours
 * @param carriers   the carriers by code (SF, ZTO, YTO, JD, ...)
 */
@ConfigurationProperties("shopops.fulfilment")
public record FulfilmentProperties(
        @DefaultValue("48h") Duration stuckAfter,
        @DefaultValue("15m") Duration clockSkew,
        @DefaultValue Map<String, Carrier> carriers) {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{1,16}");
    private static final int MIN_SECRET_BYTES = 16;

    public FulfilmentProperties {
        if (stuckAfter.isNegative() || stuckAfter.isZero()) {
            throw new IllegalArgumentException("shopops.fulfilment.stuck-after must be positive");
        }
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("shopops.fulfilment.clock-skew must not be negative");
        }
        Map<String, Carrier> byCode = new LinkedHashMap<>();
        carriers.forEach((code, carrier) -> {
            String normalised = code.trim().toUpperCase(Locale.ROOT);
            if (!CODE.matcher(normalised).matches()) {
                throw new IllegalArgumentException("shopops.fulfilment.carriers: code '" + code
                        + "' must be 1 to 16 letters or digits");
            }
            carrier.check(normalised);
            byCode.put(normalised, carrier);
        });
        carriers = Map.copyOf(byCode);
    }

    /**
     * One carrier.
     *
     * @param trackingNumberPattern a regular expression the whole tracking number must match
     * @param webhookSecret         the key of the HMAC-SHA256 signature on its webhook calls (at least 16 bytes)
     */
    public record Carrier(String name, String trackingNumberPattern, String webhookSecret, Rate rate) {

        void check(String code) {
            String prefix = "shopops.fulfilment.carriers." + code + ".";
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException(prefix + "name is required");
            }
            try {
                Pattern.compile(trackingNumberPattern);
            } catch (PatternSyntaxException | NullPointerException e) {
                throw new IllegalArgumentException(prefix + "tracking-number-pattern must be a regular expression", e);
            }
            if (webhookSecret == null || webhookSecret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
                throw new IllegalArgumentException(prefix + "webhook-secret must be at least " + MIN_SECRET_BYTES
                        + " bytes");
            }
            if (rate == null) {
                throw new IllegalArgumentException(prefix + "rate is required");
            }
        }
    }

    /** 首重 + 續重 in the shop's currency: see {@link io.shopops.fulfilment.CarrierRate}. */
    public record Rate(@DefaultValue("1000") int firstWeightGrams, BigDecimal firstWeightPrice,
            @DefaultValue("1000") int additionalWeightGrams, BigDecimal additionalWeightPrice) {
    }
}
