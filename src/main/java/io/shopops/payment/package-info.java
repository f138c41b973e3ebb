/**
 * Payments (支付): collecting an amount for an order reference through a payment provider (PSP), the
 * provider's asynchronous notifications, refunds, the repair of payments whose notification never came, and the
 * daily reconciliation of ShopOps' books with the provider's. The module knows an order only by its reference
 * (the order number) and amounts: the ordering module calls {@link io.shopops.payment.Payments} and listens to
 * the events published here. No card number or account credential ever enters ShopOps: only provider ids and
 * amounts.
 *
 * <p>Providers implement {@link io.shopops.payment.PaymentProvider}; the built-in sandbox
 * ({@code payment.sandbox}) plays an external PSP with books of its own.
 */
@ApplicationModule(displayName = "Payments", allowedDependencies = { "audit", "shared :: *" })
@NullMarked
package io.shopops.payment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
