package io.shopops.customer;

import org.jspecify.annotations.Nullable;

/** A shipping address as staff see it: the region in full, the person and the street masked. */
public record MaskedAddress(AddressId id, String recipient, String phone, String province, String city,
        String district, String detail, @Nullable String postalCode, boolean isDefault) {
}
