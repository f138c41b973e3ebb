package io.shopops.shared.persistence;

import java.util.Locale;

/**
 * Patterns for {@code LIKE ... ESCAPE '\'}: user input is escaped so that {@code %} and {@code _} in a
 * search are matched literally, and lower-cased to compare with a lower-cased column.
 */
public final class Like {

    public static final String ESCAPE = " ESCAPE '\\'";

    private Like() {
    }

    public static String contains(String text) {
        return "%" + escape(text.trim().toLowerCase(Locale.ROOT)) + "%";
    }

    public static String escape(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
