/**
 * The demo shop: a deterministic, seeded generator that fills an empty database with a realistic shop
 * (category tree, brands, products and SKUs with Zipf-like popularity, warehouses and stock, customers with
 * addresses, and six months of orders with their payments, refunds, returns and shipments) through the other
 * modules' facades and their imports of history. Runs on the first start of an empty embedded database, and as the
 * command {@code demo-shop} for any database. Later modules add their own steps (after-sales requests, events).
 */
@ApplicationModule(displayName = "Demo shop", allowedDependencies = { "catalog", "inventory", "customer", "ordering",
        "payment", "fulfilment", "marketing", "shared :: *" })
@NullMarked
package io.shopops.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
