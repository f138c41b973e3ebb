package io.shopops.aftersales;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.shopops.ordering.OrderFixtures;
import io.shopops.ordering.OrderingTestConfiguration;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.events.ApplicationModuleListener;

/** The ordering fixtures, after-sales fixtures, and a listener that keeps every after-sales event it receives. */
@TestConfiguration(proxyBeanMethods = false)
@Import(OrderingTestConfiguration.class)
public class AfterSalesTestConfiguration {

    @Bean
    AfterSalesFixtures afterSalesFixtures(OrderFixtures orders) {
        return new AfterSalesFixtures(orders);
    }

    @Bean
    AfterSalesEvents afterSalesEvents() {
        return new AfterSalesEvents();
    }

    /** After-sales events as another module (analytics, CRM) receives them. */
    public static class AfterSalesEvents {

        private final List<Object> received = new CopyOnWriteArrayList<>();

        @ApplicationModuleListener
        void on(AfterSalesRequested event) {
            received.add(event);
        }

        @ApplicationModuleListener
        void on(AfterSalesDecided event) {
            received.add(event);
        }

        @ApplicationModuleListener
        void on(ReturnReceived event) {
            received.add(event);
        }

        @ApplicationModuleListener
        void on(RefundCompleted event) {
            received.add(event);
        }

        public <T> List<T> of(Class<T> type) {
            return received.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }
}
