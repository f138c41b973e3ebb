package io.shopops.customer;

import java.time.Instant;

/**
 * A successful sign-in: the bearer token (shown this once; only its hash is kept), when it expires unless used
 * again (each use moves the expiry forward), and the customer.
 */
public record CustomerSession(String token, Instant expiresAt, CustomerView customer) {

    @Override
    public String toString() {
        return "CustomerSession[customer=" + customer.id() + ", expiresAt=" + expiresAt + "]";
    }
}
