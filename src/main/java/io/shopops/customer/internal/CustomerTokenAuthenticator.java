package io.shopops.customer.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a storefront bearer token into the customer it belongs to. A token works while it is neither revoked
 * nor expired; each use moves its expiry {@code shopops.customer.session-lifetime} ahead (a sliding expiry).
 */
@Component
public class CustomerTokenAuthenticator {

    private final CustomerSessionRepository sessions;
    private final CustomerProperties properties;
    private final Clock clock;

    CustomerTokenAuthenticator(CustomerSessionRepository sessions, CustomerProperties properties, Clock clock) {
        this.sessions = sessions;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public Optional<CustomerPrincipal> authenticate(String token) {
        Instant now = Instant.now(clock);
        return SessionTokens.prefixOf(token)
                .flatMap(sessions::findByPrefix)
                .filter(session -> session.isActiveAt(now))
                .filter(session -> SessionTokens.matches(token, session.hash()))
                .map(session -> {
                    sessions.slide(session.id(), now, now.plus(properties.sessionLifetime()));
                    return new CustomerPrincipal(session.customerId(), session.id());
                });
    }
}
