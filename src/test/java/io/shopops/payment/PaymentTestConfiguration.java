package io.shopops.payment;

import io.shopops.inventory.MutableClock;
import io.shopops.payment.sandbox.SandboxControls;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the payment tests add to the application: a clock they can move, a recorder of events, and fixtures. */
@TestConfiguration(proxyBeanMethods = false)
public class PaymentTestConfiguration {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock();
    }

    @Bean
    PaymentEvents paymentEvents(JdbcClient jdbc) {
        return new PaymentEvents(jdbc);
    }

    @Bean
    PaymentFixtures paymentFixtures(Payments payments, SandboxControls sandbox) {
        return new PaymentFixtures(payments, sandbox);
    }
}
