package io.shopops.customer;

import org.jspecify.annotations.Nullable;

/**
 * A shipping address as typed: recipient 1–50 characters, a mainland mobile number, province, city and
 * district 1–30 each, the street and number ({@code detail}) 1–200, and optionally a 6-digit postal code.
 */
public record AddressDetails(@Nullable String recipient, @Nullable String phone, @Nullable String province,
        @Nullable String city, @Nullable String district, @Nullable String detail, @Nullable String postalCode) {
}
