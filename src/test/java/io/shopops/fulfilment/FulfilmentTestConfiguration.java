package io.shopops.fulfilment;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.shopops.inventory.InventoryFixtures;
import io.shopops.inventory.InventoryTestConfiguration;
import io.shopops.inventory.Reservations;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * What the fulfilment tests add to the application: the inventory's movable clock and fixtures, shipment
 * fixtures, and a listener standing in for the ordering module, which receives the shipment events after commit.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(InventoryTestConfiguration.class)
public class FulfilmentTestConfiguration {

    @Bean
    FulfilmentFixtures fulfilmentFixtures(InventoryFixtures inventory, Reservations reservations, Shipments shipments,
            Clock clock) {
        return new FulfilmentFixtures(inventory, reservations, shipments, clock);
    }

    @Bean
    ShipmentEvents shipmentEvents() {
        return new ShipmentEvents();
    }

    /** Every shipment event delivered to a listener of another module, in the order delivered. */
    public static class ShipmentEvents {

        private final List<Object> received = new CopyOnWriteArrayList<>();

        @ApplicationModuleListener
        void on(ShipmentCreated event) {
            received.add(event);
        }

        @ApplicationModuleListener
        void on(ShipmentDispatched event) {
            received.add(event);
        }

        @ApplicationModuleListener
        void on(ShipmentDelivered event) {
            received.add(event);
        }

        @ApplicationModuleListener
        void on(ShipmentException event) {
            received.add(event);
        }

        @ApplicationModuleListener
        void on(ShipmentCancelled event) {
            received.add(event);
        }

        public <T> List<T> of(Class<T> type) {
            return received.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }
}
