package io.shopops.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo shop's settings.
 *
 * @param enabled     fill an empty embedded (H2) database on first start
 * @param seed        the same seed gives the same shop
 * @param products    number of products (SPU)
 * @param skus        number of SKUs over all products
 * @param customers   number of customer accounts
 * @param orders      number of orders in the history
 * @param historyDays how many days before now the order history covers
 */
@ConfigurationProperties("shopops.demo")
public record DemoProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("20261121") long seed,
        @DefaultValue("500") int products,
        @DefaultValue("2000") int skus,
        @DefaultValue("8000") int customers,
        @DefaultValue("50000") int orders,
        @DefaultValue("180") int historyDays) {

    public DemoProperties {
        if (customers < 1 || orders < 0 || historyDays < 1) {
            throw new IllegalArgumentException(
                    "shopops.demo: customers and history-days must be positive, orders not negative");
        }
    }
}
