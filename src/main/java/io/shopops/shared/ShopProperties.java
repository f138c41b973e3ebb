package io.shopops.shared;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The shop's own settings: the currency prices are kept in, the zone times are shown in, and the console's
 * default language. Stored times are always UTC {@link java.time.Instant}s.
 */
@ConfigurationProperties("shopops.shop")
public record ShopProperties(
        @DefaultValue("ShopOps Demo") String name,
        @DefaultValue("CNY") Currency currency,
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("zh-CN") Locale defaultLocale) {
}
