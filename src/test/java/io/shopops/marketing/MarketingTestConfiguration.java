package io.shopops.marketing;

import java.time.Clock;

import io.shopops.ordering.OrderingTestConfiguration;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The ordering fixtures and the marketing fixtures. */
@TestConfiguration(proxyBeanMethods = false)
@Import(OrderingTestConfiguration.class)
public class MarketingTestConfiguration {

    @Bean
    MarketingFixtures marketingFixtures(Promotions promotions, Coupons coupons, Clock clock) {
        return new MarketingFixtures(promotions, coupons, clock);
    }
}
