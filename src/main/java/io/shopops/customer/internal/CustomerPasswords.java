package io.shopops.customer.internal;

import io.shopops.shared.Violations;
import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Customers' passwords: the policy (8 to 128 characters mixing letters and digits) and hashing with the
 * application's encoder (Argon2id, as for staff).
 */
@Component
public class CustomerPasswords {

    static final int MIN_LENGTH = 8;
    // Argon2 hashes whatever it is given; an upper bound keeps one request from costing seconds.
    public static final int MAX_LENGTH = 128;

    private final PasswordEncoder encoder;
    private volatile @Nullable String decoyHash;

    CustomerPasswords(PasswordEncoder encoder) {
        this.encoder = encoder;
    }

    /** Adds the reasons a chosen password is refused, naming the field. */
    public void check(Violations violations, String field, @Nullable String password) {
        if (password == null || password.isEmpty()) {
            violations.add(field, "is required");
        } else if (password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            violations.add(field, "must be between %d and %d characters".formatted(MIN_LENGTH, MAX_LENGTH));
        } else if (password.chars().anyMatch(Character::isISOControl)) {
            violations.add(field, "must not contain control characters");
        } else if (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            violations.add(field, "must contain both letters and digits");
        }
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    /**
     * Spends the time of a password check where there is nothing to check against (no such account, or a
     * locked one), so that how long a refusal takes does not tell whether the account exists.
     */
    public void spendComparableTime(String password) {
        String decoy = decoyHash;
        if (decoy == null) {
            decoy = encoder.encode("decoy-password-0");
            decoyHash = decoy;
        }
        encoder.matches(password, decoy);
    }
}
