package io.shopops.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo shop's settings.
 *
 * @param enabled  fill an empty embedded (H2) database on first start
 * @param seed     the same seed gives the same shop
 * @param products number of products (SPU)
 * @param skus     number of SKUs over all products
 */
@ConfigurationProperties("shopops.demo")
public record DemoProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("20261121") long seed,
        @DefaultValue("500") int products,
        @DefaultValue("2000") int skus) {
}
