package io.shopops.shared.privacy;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Keys for personal data. Each key is {@code id:base64} of 32 random bytes. New data is encrypted with
 * {@code activeKey}; {@code retiredKeys} still decrypt what was written before a rotation. {@code lookupKey}
 * makes the keyed hashes that searches use. Without keys (a first start on the embedded database) a key file is
 * generated under the data directory; with PostgreSQL, set {@code SHOPOPS_PII_ACTIVE_KEY} and
 * {@code SHOPOPS_PII_LOOKUP_KEY}.
 */
@ConfigurationProperties("shopops.privacy")
public record PrivacyProperties(
        @Nullable String activeKey,
        @DefaultValue List<String> retiredKeys,
        @Nullable String lookupKey) {
}
