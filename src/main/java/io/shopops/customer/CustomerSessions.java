package io.shopops.customer;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.shopops.audit.AuditLog;
import io.shopops.customer.internal.Contacts;
import io.shopops.customer.internal.CustomerAccountRepository;
import io.shopops.customer.internal.CustomerAccountRepository.Credentials;
import io.shopops.customer.internal.CustomerPasswords;
import io.shopops.customer.internal.CustomerPrincipal;
import io.shopops.customer.internal.CustomerProperties;
import io.shopops.customer.internal.CustomerSessionRepository;
import io.shopops.customer.internal.SessionTokens;
import io.shopops.shared.InvalidInputException;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.Violations;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signing customers in and out of the storefront. A sign-in issues a bearer token (kept only as a hash) that
 * stays valid for {@code shopops.customer.session-lifetime} after its last use. Five failed sign-ins in a row
 * ({@code shopops.customer.max-failed-sign-ins}) lock the account for 15 minutes ({@code shopops.customer.lockout}),
 * counted in the database so that the limit holds across nodes and concurrent guesses.
 */
@Service
public class CustomerSessions {

    private final CustomerAccountRepository accounts;
    private final CustomerSessionRepository sessions;
    private final CustomerPasswords passwords;
    private final CustomerProperties properties;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CustomerSessions(CustomerAccountRepository accounts, CustomerSessionRepository sessions,
            CustomerPasswords passwords, CustomerProperties properties, AuditLog audit,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.passwords = passwords;
        this.properties = properties;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * Signs a customer in with their mobile number or email ({@code login}) and password. Empty when refused,
     * whatever the reason (no such account, a wrong password, a locked account): the storefront answers all alike
     * and takes about as long for each, so a refusal does not tell whether an account exists. Malformed input
     * is refused with 400 naming the field.
     *
     * <p>Not one transaction: the password check (Argon2id, tens of milliseconds) runs between two short ones,
     * holding no connection and no row lock. The attempt is counted before the check, so concurrent guesses
     * cannot check more passwords than the limit allows.
     */
    public Optional<CustomerSession> signIn(@Nullable String login, @Nullable String password) {
        Violations v = new Violations();
        v.text("login", login, true, 254);
        if (password == null || password.isEmpty()) {
            v.add("password", "is required");
        } else if (password.length() > CustomerPasswords.MAX_LENGTH) {
            v.add("password", "must be at most " + CustomerPasswords.MAX_LENGTH + " characters");
        }
        v.throwIfAny();
        Optional<Credentials> account = lookUp(login);
        if (account.isEmpty()) {
            passwords.spendComparableTime(password);
            return Optional.empty();
        }
        CustomerId id = account.get().id();
        boolean counted = Boolean.TRUE.equals(transactions.execute(status ->
                accounts.countSignInAttempt(id, properties.maxFailedSignIns(), Instant.now(clock))));
        if (!counted) {
            passwords.spendComparableTime(password);
            return Optional.empty();
        }
        if (!passwords.matches(password, account.get().passwordHash())) {
            transactions.executeWithoutResult(status -> recordFailure(id));
            return Optional.empty();
        }
        return Optional.ofNullable(transactions.execute(status -> startSession(id)));
    }

    /** Ends the session whose token authenticated the current request; the customer's other devices stay signed in. */
    @Transactional
    public void signOut() {
        CustomerPrincipal principal = CurrentCustomer.principal()
                .orElseThrow(() -> new AccessDeniedException("A signed-in customer is required"));
        Long sessionId = principal.sessionId();
        if (sessionId == null) {
            throw new IllegalStateException("The customer is not signed in with a session");
        }
        if (sessions.revoke(sessionId, Instant.now(clock))) {
            audit.record(principal, "CUSTOMER_SIGNED_OUT", "customer", principal.customerId(),
                    "session " + sessionId, null, null);
        }
    }

    private Optional<Credentials> lookUp(String login) {
        if (Contacts.looksLikeEmail(login)) {
            return Contacts.email(login).map(accounts::findByEmail).orElseThrow(() -> invalidLogin());
        }
        return Contacts.phone(login).map(accounts::findByPhone).orElseThrow(() -> invalidLogin());
    }

    private static InvalidInputException invalidLogin() {
        return new InvalidInputException("login",
                "must be a mainland China mobile number (11 digits starting with 1) or an email address");
    }

    private void recordFailure(CustomerId id) {
        Instant now = Instant.now(clock);
        Instant until = now.plus(properties.lockout());
        CustomerPrincipal actor = CustomerPrincipal.actor(id);
        audit.record(actor, "CUSTOMER_SIGN_IN_FAILED", "customer", id, "wrong password", null, null);
        if (accounts.lockIfExhausted(id, properties.maxFailedSignIns(), until, now)) {
            audit.record(actor, "CUSTOMER_LOCKED", "customer", id,
                    "locked until " + until + " after " + properties.maxFailedSignIns() + " failed sign-ins", null, null);
        }
    }

    private CustomerSession startSession(CustomerId id) {
        Instant now = Instant.now(clock);
        accounts.recordSuccessfulSignIn(id, now);
        SessionTokens.Token token = SessionTokens.generate();
        Instant expiresAt = now.plus(properties.sessionLifetime());
        long sessionId = sessions.insert(id, token, now, expiresAt);
        audit.record(CustomerPrincipal.actor(id), "CUSTOMER_SIGNED_IN", "customer", id, "session " + sessionId,
                null, null);
        CustomerView customer = accounts.find(id).orElseThrow(() -> NotFoundException.of("Customer", id));
        return new CustomerSession(token.value(), expiresAt, customer);
    }
}
