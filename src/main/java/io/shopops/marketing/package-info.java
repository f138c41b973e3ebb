/**
 * Marketing (營銷): promotions (促銷: limited-time discount, tiered full reduction, buy X get Y, gift with
 * purchase, bundle price) and coupons (優惠券), the rules of the price chain's promotion and coupon stages. They plug
 * into ordering's price calculation as {@link io.shopops.ordering.DiscountRule}s, spend their budgets, limits and
 * coupons in checkout's transaction and give them back when an order is cancelled. Operators get a conflict
 * check and a dry run of a draft promotion over the last days' real baskets.
 *
 * <p>Facades: {@link io.shopops.marketing.Promotions}, {@link io.shopops.marketing.Coupons} (staff) and
 * {@link io.shopops.marketing.CustomerCoupons} (the customer's side).
 */
@ApplicationModule(displayName = "Marketing", allowedDependencies = { "ordering", "catalog", "customer", "audit",
        "shared :: *" })
@NullMarked
package io.shopops.marketing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
