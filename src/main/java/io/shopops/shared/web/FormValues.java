package io.shopops.shared.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Reads optional console form and filter values typed as text: blank is absent, and text that is not a value of the
 * type puts the given reason under its field (for {@code fragments :: formErrors(errors)}) and reads as absent.
 */
public final class FormValues {

    private FormValues() {
    }

    public static @Nullable Long number(@Nullable String value, String field, Map<String, String> errors,
            String reason) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            errors.put(field, reason);
            return null;
        }
    }

    /** An ISO day (2026-11-22). */
    public static @Nullable LocalDate date(@Nullable String value, String field, Map<String, String> errors,
            String reason) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.put(field, reason);
            return null;
        }
    }

    /** One of an enum's names; a value that is none of them puts the reason on the field. */
    public static <E extends Enum<E>> @Nullable E choice(Class<E> type, @Nullable String value, String field,
            Map<String, String> errors, String reason) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            errors.put(field, reason);
            return null;
        }
    }
}
