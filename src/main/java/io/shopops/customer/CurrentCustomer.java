package io.shopops.customer;

import java.util.Optional;

import io.shopops.customer.internal.CustomerPrincipal;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The customer signed in on the current storefront request, for the store controllers of any module
 * ({@code @RequiresPermission(CUSTOMER)} has already refused everybody else by the time a handler runs).
 */
public final class CurrentCustomer {

    private CurrentCustomer() {
    }

    /** The signed-in customer, or empty for anonymous callers and staff. */
    public static Optional<CustomerId> id() {
        return principal().map(CustomerPrincipal::customerId);
    }

    /** The signed-in customer; anybody else is refused (401 for anonymous callers, 403 for staff). */
    public static CustomerId require() {
        return id().orElseThrow(() -> new AccessDeniedException("A signed-in customer is required"));
    }

    static Optional<CustomerPrincipal> principal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CustomerPrincipal customer) {
            return Optional.of(customer);
        }
        return Optional.empty();
    }
}
