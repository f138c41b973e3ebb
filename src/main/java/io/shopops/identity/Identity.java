package io.shopops.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.shopops.audit.AuditLog;
import io.shopops.identity.internal.ApiKeyRepository;
import io.shopops.identity.internal.Credentials;
import io.shopops.identity.internal.StaffAccountRepository;
import io.shopops.shared.Actors;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.ConflictException;
import io.shopops.shared.FieldViolation;
import io.shopops.shared.InvalidInputException;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts and their API keys: one method per thing an administrator or a member does. Every change
 * is written to the audit log in the same transaction; the console and the REST API both come through here.
 */
@Service
public class Identity {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

    private final StaffAccountRepository accounts;
    private final ApiKeyRepository keys;
    private final Credentials credentials;
    private final AuditLog audit;
    private final Clock clock;

    Identity(StaffAccountRepository accounts, ApiKeyRepository keys, Credentials credentials, AuditLog audit,
            Clock clock) {
        this.accounts = accounts;
        this.keys = keys;
        this.credentials = credentials;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public CreatedStaff createStaff(NewStaff request) {
        validate(request);
        if (accounts.existsByUsername(request.username())) {
            throw new ConflictException("username", "is already taken");
        }
        String password = request.password();
        String temporary = null;
        if (password == null || password.isEmpty()) {
            temporary = credentials.temporaryPassword();
            password = temporary;
        } else {
            credentials.checkPolicy("password", password, request.username());
        }
        long id = accounts.insert(request.username().trim(), request.displayName().trim(), blankToNull(request.email()),
                credentials.hash(password), true, EnumSet.copyOf(request.roles()), Instant.now(clock));
        StaffView created = staff(id);
        audit.record("STAFF_CREATED", "staff", id, created.username(), null, created);
        return new CreatedStaff(created, temporary);
    }

    @Transactional(readOnly = true)
    public StaffView staff(long id) {
        return accounts.find(id).orElseThrow(() -> NotFoundException.of("Staff account", id));
    }

    @Transactional(readOnly = true)
    public Page<StaffView> findStaff(@Nullable String search, @Nullable Role role, PageQuery page) {
        return accounts.list(search, role, page);
    }

    @Transactional(readOnly = true)
    public boolean hasStaff() {
        return accounts.count() > 0;
    }

    @Transactional
    public StaffView changeRoles(long id, Set<Role> roles, long expectedVersion) {
        if (roles.isEmpty()) {
            throw new InvalidInputException("roles", "must name at least one role");
        }
        StaffView before = staff(id);
        if (before.roles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
            requireAnotherAdmin(before, "roles", "would leave the shop without an enabled administrator");
        }
        accounts.touch(id, expectedVersion);
        accounts.replaceRoles(id, EnumSet.copyOf(roles));
        StaffView after = staff(id);
        audit.record("STAFF_ROLES_CHANGED", "staff", id, before.username(), before, after);
        credentials.endSessionsOf(before.username());
        return after;
    }

    @Transactional
    public StaffView disable(long id, long expectedVersion) {
        StaffView before = staff(id);
        if (before.id() == currentStaffId()) {
            throw new BusinessRuleException("cannot-disable-self", "You cannot disable your own account");
        }
        if (before.roles().contains(Role.ADMIN)) {
            requireAnotherAdmin(before, "enabled", "would leave the shop without an enabled administrator");
        }
        accounts.touch(id, expectedVersion);
        accounts.setEnabled(id, false);
        StaffView after = staff(id);
        audit.record("STAFF_DISABLED", "staff", id, before.username(), before, after);
        credentials.endSessionsOf(before.username());
        return after;
    }

    @Transactional
    public StaffView enable(long id, long expectedVersion) {
        StaffView before = staff(id);
        accounts.touch(id, expectedVersion);
        accounts.setEnabled(id, true);
        StaffView after = staff(id);
        audit.record("STAFF_ENABLED", "staff", id, before.username(), before, after);
        return after;
    }

    @Transactional
    public StaffView unlock(long id) {
        StaffView before = staff(id);
        accounts.unlock(id);
        StaffView after = staff(id);
        audit.record("STAFF_UNLOCKED", "staff", id, before.username(), before, after);
        return after;
    }

    /** Replaces a member's password with a temporary one they must change at next sign-in. */
    @Transactional
    public CreatedStaff resetPassword(long id) {
        StaffView before = staff(id);
        String temporary = credentials.temporaryPassword();
        accounts.setPassword(id, credentials.hash(temporary), true, Instant.now(clock));
        StaffView after = staff(id);
        audit.record("STAFF_PASSWORD_RESET", "staff", id, before.username(), before, after);
        credentials.endSessionsOf(before.username());
        return new CreatedStaff(after, temporary);
    }

    @Transactional
    public void changePassword(long staffId, String currentPassword, String newPassword) {
        var stored = accounts.findStored(staffId).orElseThrow(() -> NotFoundException.of("Staff account", staffId));
        if (!credentials.matches(currentPassword, stored.passwordHash())) {
            throw new InvalidInputException("currentPassword", "is not your current password");
        }
        if (currentPassword.equals(newPassword)) {
            throw new InvalidInputException("newPassword", "must differ from the current password");
        }
        credentials.checkPolicy("newPassword", newPassword, stored.view().username());
        accounts.setPassword(staffId, credentials.hash(newPassword), false, Instant.now(clock));
        audit.record("PASSWORD_CHANGED", "staff", staffId, stored.view().username(), null, null);
        credentials.forgetInitialPassword(stored.view().username());
    }

    @Transactional
    public IssuedApiKey issueApiKey(long staffId, String name, @Nullable Instant expiresAt) {
        StaffView staff = staff(staffId);
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidInputException("name", "must be 1 to 100 characters");
        }
        Instant now = Instant.now(clock);
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new InvalidInputException("expiresAt", "must be in the future");
        }
        var token = credentials.newApiKey();
        long id = keys.insert(staffId, name.trim(), token.prefix(), token.hash(), now, expiresAt);
        ApiKeyView view = keys.find(id).orElseThrow();
        audit.record("API_KEY_ISSUED", "api_key", id, staff.username() + ": " + view.name(), null, view);
        return new IssuedApiKey(view, token.value());
    }

    @Transactional
    public ApiKeyView revokeApiKey(long staffId, long keyId) {
        ApiKeyView before = keys.find(keyId).filter(key -> key.staffId() == staffId)
                .orElseThrow(() -> NotFoundException.of("API key", keyId));
        keys.revoke(keyId, Instant.now(clock));
        ApiKeyView after = keys.find(keyId).orElseThrow();
        audit.record("API_KEY_REVOKED", "api_key", keyId, before.name(), before, after);
        return after;
    }

    @Transactional(readOnly = true)
    public List<ApiKeyView> apiKeys(long staffId) {
        staff(staffId);
        return keys.findByStaff(staffId);
    }

    /**
     * Creates the first administrator when there is no staff at all (the first start of a fresh database).
     * With several nodes starting at once only one succeeds; the others find the account there.
     */
    @Transactional
    public Optional<CreatedStaff> createFirstAdmin(@Nullable String password) {
        if (hasStaff()) {
            return Optional.empty();
        }
        String chosen = password == null || password.isBlank() ? credentials.temporaryPassword() : password;
        long id = accounts.insert("admin", "Administrator", null, credentials.hash(chosen), true,
                EnumSet.of(Role.ADMIN), Instant.now(clock));
        StaffView admin = staff(id);
        audit.record("STAFF_CREATED", "staff", id, "first administrator", null, admin);
        return Optional.of(new CreatedStaff(admin, chosen));
    }

    private void requireAnotherAdmin(StaffView staff, String field, String reason) {
        if (staff.enabled() && accounts.countEnabledWithRole(Role.ADMIN) <= 1) {
            throw new BusinessRuleException("last-administrator", field, reason);
        }
    }

    private static long currentStaffId() {
        Long id = Actors.current().staffId();
        return id == null ? -1 : id;
    }

    private static void validate(NewStaff request) {
        List<FieldViolation> violations = new java.util.ArrayList<>();
        if (request.username() == null || !USERNAME.matcher(request.username().trim()).matches()) {
            violations.add(new FieldViolation("username",
                    "must be 3 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }
        if (request.displayName() == null || request.displayName().isBlank() || request.displayName().length() > 100) {
            violations.add(new FieldViolation("displayName", "must be 1 to 100 characters"));
        }
        if (request.email() != null && !request.email().isBlank()
                && (request.email().length() > 254 || !EMAIL.matcher(request.email().trim()).matches())) {
            violations.add(new FieldViolation("email", "must be a valid email address"));
        }
        if (request.roles() == null || request.roles().isEmpty()) {
            violations.add(new FieldViolation("roles", "must name at least one role"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
