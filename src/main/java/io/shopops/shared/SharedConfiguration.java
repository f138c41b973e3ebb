package io.shopops.shared;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SharedConfiguration {

    /** All "now"s come from here, so tests can move time (reservation expiry, lockouts) without sleeping. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
