package io.shopops.customer;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** Everything staff may see about a customer, masked: the account, its sign-in state and its addresses. */
public record CustomerDetail(CustomerView customer, @Nullable Instant lastSignInAt, @Nullable Instant lockedUntil,
        List<MaskedAddress> addresses) {

    public CustomerDetail {
        addresses = List.copyOf(addresses);
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
