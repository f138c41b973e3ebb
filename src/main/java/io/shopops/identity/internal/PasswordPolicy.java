package io.shopops.identity.internal;

import java.security.SecureRandom;
import java.util.Locale;

import io.shopops.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/** What a staff password must be, and how temporary ones are made. */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    // Argon2 hashes whatever it is given; an upper bound keeps one request from costing seconds.
    static final int MAX_LENGTH = 128;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordPolicy() {
    }

    static void check(String field, @Nullable String password, String username) {
        if (password == null || password.isEmpty()) {
            throw new InvalidInputException(field, "is required");
        }
        if (password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw new InvalidInputException(field,
                    "must be between %d and %d characters".formatted(MIN_LENGTH, MAX_LENGTH));
        }
        boolean letter = password.chars().anyMatch(Character::isLetter);
        boolean other = password.chars().anyMatch(c -> !Character.isLetter(c));
        if (!letter || !other) {
            throw new InvalidInputException(field, "must mix letters with digits or symbols");
        }
        if (password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            throw new InvalidInputException(field, "must not contain the username");
        }
    }

    /** A random 16-character password with letters and digits, easy to read out (no 0/O, 1/l/I). */
    static String generate() {
        while (true) {
            StringBuilder password = new StringBuilder(16);
            for (int i = 0; i < 16; i++) {
                password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            String candidate = password.toString();
            if (candidate.chars().anyMatch(Character::isDigit) && candidate.chars().anyMatch(Character::isLetter)) {
                return candidate;
            }
        }
    }
}
