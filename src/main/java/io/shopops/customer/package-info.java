/**
 * Customers of the storefront (顾客): accounts signed up with a mainland mobile number and/or an email, their
 * sign-in sessions (bearer tokens for the storefront API) and shipping addresses. Personal data is encrypted at
 * rest and found through keyed hashes; staff see it masked. Other modules name a customer by
 * {@link io.shopops.customer.CustomerId}, learn who is signed in from {@link io.shopops.customer.CurrentCustomer}
 * and copy an address into an order from {@link io.shopops.customer.Customers#address}.
 *
 * <p>Facades: {@link io.shopops.customer.Customers} (accounts, addresses, staff search) and
 * {@link io.shopops.customer.CustomerSessions} (sign-in and sign-out).
 */
@ApplicationModule(displayName = "Customers", allowedDependencies = { "audit", "shared :: *" })
@NullMarked
package io.shopops.customer;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
