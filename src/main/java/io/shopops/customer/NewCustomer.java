package io.shopops.customer;

import org.jspecify.annotations.Nullable;

/**
 * A sign-up as the storefront sends it. A phone number, an email or both identify the account.
 *
 * @param phone    a mainland mobile number: 11 digits starting with 1 (spaces, '-' and a leading +86 are allowed)
 * @param password 8 to 128 characters with at least one letter and one digit
 * @param nickname the name shown in the shop, 1 to 30 characters
 * @param realName optional, up to 50 characters (kept encrypted)
 * @param channel  WEB when not given
 */
public record NewCustomer(@Nullable String phone, @Nullable String email, @Nullable String password,
        @Nullable String nickname, @Nullable String realName, @Nullable RegistrationChannel channel) {
}
