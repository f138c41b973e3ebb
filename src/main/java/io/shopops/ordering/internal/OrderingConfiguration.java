package io.shopops.ordering.internal;

import io.shopops.ordering.DiscountRule;
import io.shopops.ordering.PriceCalculator;
import io.shopops.shared.ShopProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ordering module's policies, chosen by configuration. */
@Configuration(proxyBeanMethods = false)
class OrderingConfiguration {

    @Bean
    AllocationStrategy allocationStrategy(OrderingProperties properties) {
        return switch (properties.allocation()) {
            case "region-first" -> new RegionFirst();
            default -> new SingleWarehouseFirst();
        };
    }

    /** The standard calculation with every discount rule in the application (marketing's promotions), in order. */
    @Bean
    PriceCalculator priceCalculator(ObjectProvider<DiscountRule> discounts, OrderingProperties properties,
            ShopProperties shop) {
        return new StandardPriceCalculator(discounts.orderedStream().toList(), properties, shop);
    }
}
