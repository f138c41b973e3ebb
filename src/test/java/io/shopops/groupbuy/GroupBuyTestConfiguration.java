package io.shopops.groupbuy;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.shopops.ordering.OrderFixtures;
import io.shopops.ordering.OrderingTestConfiguration;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.events.ApplicationModuleListener;

/** The ordering fixtures (with the movable clock), group-buy fixtures, and a listener keeping this module's events. */
@TestConfiguration(proxyBeanMethods = false)
@Import(OrderingTestConfiguration.class)
public class GroupBuyTestConfiguration {

    @Bean
    GroupBuyFixtures groupBuyFixtures(OrderFixtures orders, GroupBuyActivities activities, GroupBuys groupBuys,
            BargainActivities bargainActivities, Bargains bargains, Clock clock) {
        return new GroupBuyFixtures(orders, activities, groupBuys, bargainActivities, bargains, clock);
    }

    @Bean
    GroupBuyEvents groupBuyEvents() {
        return new GroupBuyEvents();
    }

    /** Group-buy events as another module (analytics) receives them. */
    public static class GroupBuyEvents {

        private final List<Object> received = new CopyOnWriteArrayList<>();

        @ApplicationModuleListener
        void on(GroupBuySucceeded event) {
            received.add(event);
        }

        @ApplicationModuleListener
        void on(GroupBuyFailed event) {
            received.add(event);
        }

        public <T> List<T> of(Class<T> type) {
            return received.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }
}
