/**
 * Loyalty (會員權益): loyalty points (積分) now — an append-only ledger per customer, earned on what orders pay,
 * spent through the price chain's points stage, reversed on cancellation and refund, expired at the end of the
 * year after they were earned — and, with the customer issue's next steps, membership tiers and their benefits.
 *
 * <p>Facade: {@link io.shopops.loyalty.Points}.
 */
@ApplicationModule(displayName = "Loyalty", allowedDependencies = { "ordering", "customer", "aftersales", "audit",
        "shared :: *" })
@NullMarked
package io.shopops.loyalty;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
