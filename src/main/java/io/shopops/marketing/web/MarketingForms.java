package io.shopops.marketing.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Reads what operators type into the marketing forms: amounts, whole numbers, id lists ("12, 15 18"), tiers
 * ("200-20, 400-50") and local times of the shop's zone; a value that does not read names its field.
 */
final class MarketingForms {

    private MarketingForms() {
    }

    static @Nullable BigDecimal decimal(@Nullable String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            errors.put(field, "must be a number");
            return null;
        }
    }

    static @Nullable Integer integer(@Nullable String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            errors.put(field, "must be a whole number");
            return null;
        }
    }

    static List<Long> ids(@Nullable String value, String field, Map<String, String> errors) {
        List<Long> ids = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return ids;
        }
        for (String part : value.trim().split("[\\s,，;]+")) {
            try {
                ids.add(Long.valueOf(part));
            } catch (NumberFormatException e) {
                errors.put(field, "must be ids separated by commas or spaces");
                return List.of();
            }
        }
        return ids;
    }

    /** "200-20, 400-50": from 200 take 20 off, from 400 take 50 off. */
    static List<String[]> tiers(@Nullable String value, String field, Map<String, String> errors) {
        List<String[]> tiers = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return tiers;
        }
        for (String part : value.trim().split("[\\s,，;]+")) {
            String[] pair = part.split("[-−/]");
            if (pair.length != 2) {
                errors.put(field, "write each tier as threshold-amount, e.g. 200-20, 400-50");
                return List.of();
            }
            tiers.add(pair);
        }
        return tiers;
    }

    /** A datetime-local input (2026-11-11T00:00) read in the shop's zone. */
    static @Nullable Instant time(@Nullable String value, ZoneId zone, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.trim()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            errors.put(field, "must be a date and time");
            return null;
        }
    }

    static String local(@Nullable Instant time, ZoneId zone) {
        return time == null ? "" : LocalDateTime.ofInstant(time, zone).withSecond(0).withNano(0).toString();
    }
}
