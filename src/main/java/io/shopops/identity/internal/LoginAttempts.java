package io.shopops.identity.internal;

import java.time.Clock;
import java.time.Instant;

import io.shopops.audit.AuditLog;
import io.shopops.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed console sign-ins and locks an account after too many in a row (back-off against password
 * guessing); a successful sign-in clears the count. The counts live in the database, so the limit holds
 * across all nodes.
 */
@Component
class LoginAttempts {

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    private final StaffAccountRepository accounts;
    private final IdentityProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    LoginAttempts(StaffAccountRepository accounts, IdentityProperties properties, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String username = event.getAuthentication().getName();
        var account = accounts.findStoredByUsername(username);
        if (account.isEmpty()) {
            return; // nothing to count against; the response does not reveal that the name is unknown
        }
        Instant until = Instant.now(clock).plus(properties.lockout());
        boolean locked = accounts.recordFailedLogin(username, properties.maxFailedLogins(), until);
        Actor actor = Actor.staff(account.get().view().id(), account.get().view().username());
        audit.record(actor, "LOGIN_FAILED", "staff", account.get().view().id(), "wrong password", null, null);
        if (locked) {
            log.warn("Staff account {} locked until {} after {} failed sign-ins", username, until,
                    properties.maxFailedLogins());
            audit.record(actor, "ACCOUNT_LOCKED", "staff", account.get().view().id(),
                    "locked until " + until + " after " + properties.maxFailedLogins() + " failed sign-ins",
                    null, null);
        }
    }

    @EventListener
    @Transactional
    public void onLocked(AuthenticationFailureLockedEvent event) {
        accounts.findStoredByUsername(event.getAuthentication().getName()).ifPresent(account ->
                audit.record(Actor.staff(account.view().id(), account.view().username()), "LOGIN_REFUSED_LOCKED",
                        "staff", account.view().id(), "sign-in attempted while locked", null, null));
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof StaffPrincipal principal) {
            accounts.recordSuccessfulLogin(principal.id(), Instant.now(clock));
            audit.record(principal, "LOGIN_SUCCEEDED", "staff", principal.id(), null, null, null);
        }
    }
}
