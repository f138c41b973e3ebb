package io.shopops.ordering;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.shopops.catalog.Catalog;
import io.shopops.catalog.Categories;
import io.shopops.customer.Customers;
import io.shopops.fulfilment.Shipments;
import io.shopops.fulfilment.Tracking;
import io.shopops.payment.Payments;
import io.shopops.payment.sandbox.SandboxControls;
import io.shopops.inventory.Inventory;
import io.shopops.inventory.InventoryTestConfiguration;
import io.shopops.inventory.Warehouses;
import io.shopops.shared.Money;
import io.shopops.testing.CustomerFixtures;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * What the ordering tests add to the application: the inventory's movable clock and fixtures, order fixtures, and
 * a promotion as the marketing module would plug one in (10% off every line for campaign {@value #TEN_OFF}).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(InventoryTestConfiguration.class)
public class OrderingTestConfiguration {

    public static final String TEN_OFF = "TEST-TEN-OFF";

    @Bean
    OrderFixtures orderFixtures(Catalog catalog, Categories categories, Warehouses warehouses, Inventory inventory,
            Customers customers, CustomerFixtures customerFixtures, Checkout checkout, Orders orders,
            Payments payments, SandboxControls sandbox, Shipments shipments, Tracking tracking, Clock clock) {
        return new OrderFixtures(catalog, categories, warehouses, inventory, customers, customerFixtures, checkout,
                orders, payments, sandbox, shipments, tracking, clock);
    }

    @Bean
    OrderEvents orderEvents() {
        return new OrderEvents();
    }

    /** Every order event delivered to a listener of another module (analytics, CRM), in the order delivered. */
    public static class OrderEvents {

        private final List<Object> received = new CopyOnWriteArrayList<>();

        @ApplicationModuleListener
        void on(OrderPlaced event) {
            received.add(event);
        }

        @ApplicationModuleListener
        void on(OrderPaid event) {
            received.add(event);
        }

        @ApplicationModuleListener
        void on(OrderAllocated event) {
            received.add(event);
        }

        @ApplicationModuleListener
        void on(OrderShipped event) {
            received.add(event);
        }

        @ApplicationModuleListener
        void on(OrderDelivered event) {
            received.add(event);
        }

        @ApplicationModuleListener
        void on(OrderCompleted event) {
            received.add(event);
        }

        @ApplicationModuleListener
        void on(OrderCancelled event) {
            received.add(event);
        }

        public <T> List<T> of(Class<T> type) {
            return received.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    @Bean
    DiscountRule tenPercentOffForTheTestCampaign() {
        return (request, payable) -> {
            if (!TEN_OFF.equals(request.campaignCode())) {
                return DiscountRule.Evaluation.none();
            }
            Money total = payable.stream().reduce(Money::plus).orElseThrow();
            return DiscountRule.Evaluation.of(new DiscountRule.Discount("ten-off", "10% off", total.times(
                    new java.math.BigDecimal("0.10"), java.math.RoundingMode.DOWN), Set.of()));
        };
    }

}
