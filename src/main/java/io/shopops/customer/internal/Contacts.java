package io.shopops.customer.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Phone numbers and email addresses as people type them, reduced to the one form that is encrypted, hashed
 * for lookups and compared: a mainland mobile number as its 11 digits, an email trimmed (and lower-cased for
 * its hash, since mailboxes are matched without regard to case in practice).
 */
public final class Contacts {

    public static final String PHONE_RULE = "must be a mainland China mobile number: 11 digits starting with 1";
    public static final String EMAIL_RULE = "must be a valid email address of at most 254 characters";

    private static final Pattern MOBILE = Pattern.compile("1\\d{10}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s-]");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+");

    private Contacts() {
    }

    /** The 11 digits of a mainland mobile number, or empty when the text is not one. */
    public static Optional<String> phone(@Nullable String text) {
        if (text == null || text.length() > 20) {
            return Optional.empty();
        }
        String digits = SEPARATORS.matcher(text.strip()).replaceAll("");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        }
        return MOBILE.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }

    /** The email trimmed, or empty when the text is not an email address. */
    public static Optional<String> email(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        return trimmed.length() <= 254 && EMAIL.matcher(trimmed).matches() ? Optional.of(trimmed) : Optional.empty();
    }

    /** The form of an email its lookup hash is made from. */
    public static String emailKey(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether the text is meant as an email (rather than a phone number), as a sign-in form reads it. */
    public static boolean looksLikeEmail(String text) {
        return text.indexOf('@') >= 0;
    }
}
