/**
 * Group buying and bargains (拼團與砍價). A group-buy activity sells one SKU at a group price to groups of N
 * customers who must all pay within T hours: customers open or join groups (a place each, taken by a conditional
 * UPDATE), check out through the ordering module's {@code Checkout} (this module's price rule gives the group price
 * and puts the order on a payment hold), and when the N-th place is paid the group succeeds and its orders are
 * released to fulfilment; when time runs out first it fails and every member's order is cancelled and refunded in
 * full, exactly once. A bargain activity lets a customer's invited helpers cut the SKU's price by seeded, auditable
 * random amounts down to a floor; the owner buys it at the price reached through checkout before the deadline.
 *
 * <p>Facades: {@link io.shopops.groupbuy.GroupBuyActivities}, {@link io.shopops.groupbuy.GroupBuys},
 * {@link io.shopops.groupbuy.GroupBuySettlement} (the jobs), {@link io.shopops.groupbuy.BargainActivities},
 * {@link io.shopops.groupbuy.Bargains}. Events: {@code GroupBuySucceeded}, {@code GroupBuyFailed}. Listens to the
 * ordering module's {@code OrderPaid} and {@code OrderCancelled}.
 */
@ApplicationModule(displayName = "Group buying and bargains", allowedDependencies = { "ordering", "catalog",
        "customer", "audit", "shared :: *" })
@NullMarked
package io.shopops.groupbuy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
