package io.shopops.inventory;

import io.shopops.catalog.Catalog;
import io.shopops.catalog.Categories;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** What the inventory tests add to the application: a clock they can move, and fixtures. */
@TestConfiguration(proxyBeanMethods = false)
public class InventoryTestConfiguration {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock();
    }

    @Bean
    InventoryFixtures inventoryFixtures(Catalog catalog, Categories categories, Warehouses warehouses,
            Inventory inventory) {
        return new InventoryFixtures(catalog, categories, warehouses, inventory);
    }
}
