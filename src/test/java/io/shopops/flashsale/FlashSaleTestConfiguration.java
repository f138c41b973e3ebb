package io.shopops.flashsale;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.shopops.customer.Customers;
import io.shopops.inventory.MutableClock;
import io.shopops.ordering.DiscountRule;
import io.shopops.ordering.OrderFixtures;
import io.shopops.ordering.OrderingTestConfiguration;
import io.shopops.ordering.PricingRequest;
import io.shopops.shared.Money;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The ordering fixtures (shoppers, SKUs, stock, payment through the sandbox), flash-sale fixtures, and a price rule
 * of the last stage that can move the clock while an order is priced: the window between the flash rule's pricing
 * and its redemption, where an entitlement may run out.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(OrderingTestConfiguration.class)
public class FlashSaleTestConfiguration {

    @Bean
    FlashSaleFixtures flashSaleFixtures(FlashSales sales, OrderFixtures orders, Customers customers,
            MutableClock clock) {
        return new FlashSaleFixtures(sales, orders, customers, clock);
    }

    @Bean
    ClockJump clockJump(MutableClock clock) {
        return new ClockJump(clock);
    }

    /** Moves the clock once, while the next order is priced (after every other rule), when armed. */
    public static class ClockJump implements DiscountRule {

        private final MutableClock clock;
        private final AtomicReference<Duration> armed = new AtomicReference<>();

        ClockJump(MutableClock clock) {
            this.clock = clock;
        }

        public void duringTheNextPricing(Duration jump) {
            armed.set(jump);
        }

        @Override
        public Stage stage() {
            return Stage.POINTS;
        }

        @Override
        public Evaluation apply(PricingRequest request, List<Money> payable) {
            Duration jump = armed.getAndSet(null);
            if (jump != null) {
                clock.advance(jump);
            }
            return Evaluation.none();
        }
    }
}
