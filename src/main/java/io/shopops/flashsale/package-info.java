/**
 * Flash sales (秒殺): sessions with a time window and a pay window, a dedicated quota per SKU with a per-customer
 * limit, the gate that answers each customer's attempt (accepted with an entitlement, or refused: sold out, not
 * running, over the limit) and never gives out more than the quota, and the flash price in ordering's price chain
 * for the customer who holds an entitlement. Units come back to the quota when an entitlement is not used in time
 * or its order is cancelled (not paid in time, for one).
 *
 * <p>Facades: {@link io.shopops.flashsale.FlashSales} (staff: sessions, their items and figures),
 * {@link io.shopops.flashsale.FlashSaleGate} (customers' attempts and entitlements) and
 * {@link io.shopops.flashsale.FlashSaleSettlement} (the jobs and the listeners on ordering's events that give
 * units back). Every accept is decided by one conditional {@code UPDATE} in the database; what a node keeps in
 * memory (a sold-out marker, the session's settings, an attempt rate per customer) only speeds up refusals.
 */
@ApplicationModule(displayName = "Flash sales", allowedDependencies = { "ordering", "catalog", "inventory",
        "customer", "audit", "shared :: *" })
@NullMarked
package io.shopops.flashsale;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
