/**
 * Orders (訂單): the cart, checkout with idempotency keys and stock reserved for every line, the order's
 * lifecycle PENDING_PAYMENT → PAID → ALLOCATED → SHIPPED → DELIVERED → COMPLETED (or CANCELLED, stock released
 * exactly once), and the order's timeline. Prices come from one calculation step ({@link
 * io.shopops.ordering.PriceCalculator}) that the marketing module later extends.
 */
@ApplicationModule(displayName = "Ordering", allowedDependencies = { "catalog", "inventory", "customer", "payment", "fulfilment", "audit", "shared :: *" })
@NullMarked
package io.shopops.ordering;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
