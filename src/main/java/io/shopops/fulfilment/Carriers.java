package io.shopops.fulfilment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.shopops.fulfilment.internal.FulfilmentProperties;
import io.shopops.shared.Money;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.ShopProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * The carriers shipments are handed to (顺丰, 中通, 圆通, 京东物流, ...), as configured under
 * {@code shopops.fulfilment.carriers}: their tracking-number formats, their rates, and the check of the signature
 * on their webhook calls.
 */
@Service
public class Carriers {

    private static final String SIGNATURE_PREFIX = "sha256=";
    /** How the development defaults in application.yml begin. */
    private static final String DEVELOPMENT_SECRET = "dev-only-";
    private static final Logger log = LoggerFactory.getLogger(Carriers.class);

    private record Configured(CarrierView view, Pattern trackingNumber, byte[] secret) {
    }

    private final Map<String, Configured> carriers;

    Carriers(FulfilmentProperties properties, ShopProperties shop) {
        Map<String, Configured> byCode = new LinkedHashMap<>();
        properties.carriers().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            FulfilmentProperties.Carrier carrier = entry.getValue();
            FulfilmentProperties.Rate rate = carrier.rate();
            CarrierRate carrierRate = new CarrierRate(rate.firstWeightGrams(),
                    Money.of(rate.firstWeightPrice(), shop.currency()), rate.additionalWeightGrams(),
                    Money.of(rate.additionalWeightPrice(), shop.currency()));
            byCode.put(entry.getKey(), new Configured(
                    new CarrierView(entry.getKey(), carrier.name().trim(), carrier.trackingNumberPattern(), carrierRate),
                    Pattern.compile(carrier.trackingNumberPattern()),
                    carrier.webhookSecret().getBytes(StandardCharsets.UTF_8)));
        });
        this.carriers = Map.copyOf(byCode);
        List<String> development = properties.carriers().entrySet().stream()
                .filter(e -> e.getValue().webhookSecret().startsWith(DEVELOPMENT_SECRET)).map(Map.Entry::getKey)
                .sorted().toList();
        if (!development.isEmpty()) {
            log.warn("Carriers {} use development webhook secrets: set SHOPOPS_CARRIER_<CODE>_SECRET to the secret "
                    + "agreed with each carrier before it calls this server", development);
        }
    }

    /** Every configured carrier, by code. */
    public List<CarrierView> all() {
        return carriers.values().stream().map(Configured::view)
                .sorted((a, b) -> a.code().compareTo(b.code())).toList();
    }

    public Optional<CarrierView> find(@Nullable String code) {
        return configured(code).map(Configured::view);
    }

    /** The carrier addressed by a URL; 404 if no carrier has the code. */
    public CarrierView carrier(String code) {
        return find(code).orElseThrow(() -> NotFoundException.of("Carrier", code));
    }

    /** Whether the tracking number has the carrier's format (the whole number matches its pattern). */
    public boolean isTrackingNumber(String code, String trackingNumber) {
        return configured(code).map(c -> c.trackingNumber().matcher(trackingNumber).matches()).orElse(false);
    }

    /**
     * Whether a webhook body carries the carrier's signature: {@code sha256=} followed by the hex HMAC-SHA256 of the
     * raw body under the carrier's secret. Compared in constant time.
     */
    public boolean signatureMatches(String code, byte[] body, @Nullable String signature) {
        Optional<Configured> carrier = configured(code);
        if (carrier.isEmpty() || signature == null) {
            return false;
        }
        String hex = signature.trim();
        if (hex.regionMatches(true, 0, SIGNATURE_PREFIX, 0, SIGNATURE_PREFIX.length())) {
            hex = hex.substring(SIGNATURE_PREFIX.length());
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(hmac(carrier.get().secret(), body), given);
    }

    private Optional<Configured> configured(@Nullable String code) {
        return code == null ? Optional.empty()
                : Optional.ofNullable(carriers.get(code.trim().toUpperCase(Locale.ROOT)));
    }

    private static byte[] hmac(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is required by every Java platform", e);
        }
    }
}
