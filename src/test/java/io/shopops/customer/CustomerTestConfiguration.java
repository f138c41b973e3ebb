package io.shopops.customer;

import io.shopops.inventory.MutableClock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock the customer tests move forward, so that lockouts end and tokens expire without waiting. */
@TestConfiguration(proxyBeanMethods = false)
class CustomerTestConfiguration {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock();
    }
}
