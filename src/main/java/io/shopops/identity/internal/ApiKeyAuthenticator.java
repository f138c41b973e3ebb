package io.shopops.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a bearer token into the staff member it belongs to. A key works only while it is neither revoked
 * nor expired and its holder is enabled and not locked; roles are read afresh on every request, so a
 * change of roles applies to the next call.
 */
@Component
class ApiKeyAuthenticator {

    private final ApiKeyRepository keys;
    private final StaffAccountRepository accounts;
    private final Clock clock;

    ApiKeyAuthenticator(ApiKeyRepository keys, StaffAccountRepository accounts, Clock clock) {
        this.keys = keys;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Transactional
    public Optional<Authentication> authenticate(String token) {
        Instant now = Instant.now(clock);
        return ApiKeyTokens.prefixOf(token)
                .flatMap(keys::findByPrefix)
                .filter(stored -> stored.view().isActiveAt(now))
                .filter(stored -> ApiKeyTokens.matches(token, stored.hash()))
                .flatMap(stored -> accounts.find(stored.view().staffId())
                        .filter(staff -> staff.enabled() && !staff.isLockedAt(now))
                        .map(staff -> {
                            keys.markUsed(stored.view().id(), now);
                            StaffPrincipal principal = new StaffPrincipal(staff, null, false);
                            return UsernamePasswordAuthenticationToken.authenticated(principal, null,
                                    principal.getAuthorities());
                        }));
    }
}
