package io.shopops.shared;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Collects every field-level reason an input is refused, so that a client (or a CSV row) learns all its
 * mistakes at once, then throws one {@link InvalidInputException}. The checks are the ones every module
 * needs for text, codes, URLs and amounts typed by people.
 */
public final class Violations {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999.99");

    private final List<FieldViolation> violations;
    private final String prefix;

    public Violations() {
        this(new ArrayList<>(), "");
    }

    private Violations(List<FieldViolation> violations, String prefix) {
        this.violations = violations;
        this.prefix = prefix;
    }

    /** Checks of a nested part, such as {@code skus[1]}: their fields are named with that path in front. */
    public Violations nested(String path) {
        return new Violations(violations, prefix + path + ".");
    }

    public Violations add(String field, String reason) {
        violations.add(new FieldViolation(prefix + field, reason));
        return this;
    }

    public Violations check(boolean valid, String field, String reason) {
        if (!valid) {
            add(field, reason);
        }
        return this;
    }

    /** A single-line text: required or not, at most {@code max} characters, no control characters. */
    public Violations text(String field, @Nullable String value, boolean required, int max) {
        return text(field, value, required, max, false);
    }

    public Violations multilineText(String field, @Nullable String value, boolean required, int max) {
        return text(field, value, required, max, true);
    }

    private Violations text(String field, @Nullable String value, boolean required, int max, boolean multiline) {
        if (value == null || value.isBlank()) {
            return check(!required, field, "is required");
        }
        if (value.length() > max) {
            return add(field, "must be at most " + max + " characters");
        }
        boolean control = value.chars().anyMatch(c -> Character.isISOControl(c)
                && !(multiline && (c == '\n' || c == '\r' || c == '\t')));
        return check(!control, field, "must not contain control characters");
    }

    /** A code people type and systems match: 1 to 64 letters, digits, '.', '_' or '-'. */
    public Violations code(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return add(field, "is required");
        }
        return check(CODE.matcher(value).matches(), field,
                "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }

    /** An absolute http(s) URL of at most 2000 characters. */
    public Violations url(String field, @Nullable String value, boolean required) {
        if (value == null || value.isBlank()) {
            return check(!required, field, "is required");
        }
        if (value.length() > 2000) {
            return add(field, "must be at most 2000 characters");
        }
        try {
            URI uri = new URI(value.trim());
            String scheme = uri.getScheme();
            boolean web = scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null;
            return check(web, field, "must be an absolute http or https URL");
        } catch (java.net.URISyntaxException e) {
            return add(field, "must be an absolute http or https URL");
        }
    }

    /** A non-negative amount with at most the currency's decimals, below a sane ceiling. */
    public Violations amount(String field, @Nullable BigDecimal value, java.util.Currency currency) {
        if (value == null) {
            return add(field, "is required");
        }
        if (value.signum() < 0) {
            return add(field, "must not be negative");
        }
        if (value.compareTo(MAX_AMOUNT) > 0) {
            return add(field, "must be at most " + MAX_AMOUNT.toPlainString());
        }
        return check(value.stripTrailingZeros().scale() <= currency.getDefaultFractionDigits(), field,
                "must have at most " + currency.getDefaultFractionDigits() + " decimal places");
    }

    public boolean isEmpty() {
        return violations.isEmpty();
    }

    public List<FieldViolation> list() {
        return List.copyOf(violations);
    }

    public void throwIfAny() {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
