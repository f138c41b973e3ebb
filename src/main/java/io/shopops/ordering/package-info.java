/**
 * Orders (訂單): the cart, checkout with idempotency keys and stock reserved for every line, the order's
 * lifecycle PENDING_PAYMENT → PAID → (UNDER_REVIEW) → ALLOCATED → SHIPPED → DELIVERED → COMPLETED, or CANCELLED with
 * the stock released exactly once and what was paid refunded, the order's timeline, and the daily reconciliation of
 * orders with payments. Prices come from one calculation step ({@link io.shopops.ordering.PriceCalculator}) that the
 * marketing module extends with {@link io.shopops.ordering.DiscountRule}s.
 *
 * <p>Facades: {@link io.shopops.ordering.Carts}, {@link io.shopops.ordering.Checkout},
 * {@link io.shopops.ordering.Orders} (what customers and staff see and do, the jobs) and
 * {@link io.shopops.ordering.OrderReconciliation}. Payments and parcels move orders through the payment and
 * fulfilment modules' events; the order's own events ({@code OrderPlaced} … {@code OrderCancelled}) go out through
 * the outbox.
 */
@ApplicationModule(displayName = "Ordering", allowedDependencies = { "catalog", "inventory", "customer", "payment",
        "fulfilment", "audit", "shared :: *" })
@NullMarked
package io.shopops.ordering;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
