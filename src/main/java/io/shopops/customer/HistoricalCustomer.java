package io.shopops.customer;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An account as another system kept it, for {@link Customers#importHistorical}: the same contact rules as a
 * sign-up (a mainland mobile number and/or an email, a nickname of 1 to 30 characters, an optional real name of at
 * most 50), plus when and where the customer signed up and their addresses. No password: an imported customer
 * chooses one when the shop invites them.
 *
 * @param registeredAt when the customer signed up; not in the future
 * @param addresses    at most {@value Customers#MAX_ADDRESSES}, each as {@link AddressDetails}; the first becomes
 *                     the default
 */
public record HistoricalCustomer(@Nullable String phone, @Nullable String email, @Nullable String nickname,
        @Nullable String realName, @Nullable RegistrationChannel channel, @Nullable Instant registeredAt,
        @Nullable List<AddressDetails> addresses) {
}
