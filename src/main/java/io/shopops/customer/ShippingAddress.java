package io.shopops.customer;

import org.jspecify.annotations.Nullable;

/**
 * A customer's shipping address in full (decrypted): what the customer edits and what an order copies as its
 * delivery address at checkout. {@code version} is sent back with a change.
 */
public record ShippingAddress(
        AddressId id,
        String recipient,
        String phone,
        String province,
        String city,
        String district,
        String detail,
        @Nullable String postalCode,
        boolean isDefault,
        long version) {
}
