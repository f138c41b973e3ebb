/**
 * The demo shop: a deterministic, seeded generator that fills an empty database with a realistic shop
 * (category tree, brands, products and SKUs with Zipf-like popularity, warehouses and stock) through the
 * other modules' facades. Runs on the first start of an empty embedded database, and as the command
 * {@code demo-shop} for any database. Later modules add their own steps (customers, orders, events).
 */
@ApplicationModule(displayName = "Demo shop", allowedDependencies = { "catalog", "inventory", "shared :: *" })
@NullMarked
package io.shopops.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
