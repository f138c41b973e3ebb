package io.shopops.payment;

import java.time.Duration;

import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * Asks a provider to collect {@code amount} for an order reference.
 *
 * @param reference    the order number, as the ordering module knows it (at most 64 characters)
 * @param amount       more than zero, in the shop's currency
 * @param subject      what the customer sees on the cashier ("ShopOps order 20261121-0001")
 * @param providerCode a registered provider ("sandbox")
 * @param expiresIn    how long the cashier accepts the payment; the configured default without it
 */
public record PaymentRequest(@Nullable String reference, @Nullable Money amount, @Nullable String subject,
        @Nullable String providerCode, @Nullable Duration expiresIn) {
}
