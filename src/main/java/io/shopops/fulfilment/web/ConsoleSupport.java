package io.shopops.fulfilment.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.shopops.fulfilment.ShipmentStatus;
import io.shopops.shared.DomainException;
import io.shopops.shared.FieldViolation;
import io.shopops.shared.ShopProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the fulfilment's console pages share: texts from the bundles, the typed-in numbers and times of forms
 * (times in the shop's zone), the field errors of a refused form, and the colour of a status badge.
 */
@Component
class ConsoleSupport {

    private static final Map<ShipmentStatus, String> BADGES = new EnumMap<>(Map.of(
            ShipmentStatus.CREATED, "", ShipmentStatus.PICKING, "warn", ShipmentStatus.PACKED, "warn",
            ShipmentStatus.DISPATCHED, "ok", ShipmentStatus.IN_TRANSIT, "ok", ShipmentStatus.DELIVERED, "ok",
            ShipmentStatus.EXCEPTION, "danger", ShipmentStatus.CANCELLED, "danger"));

    private final MessageSource messages;
    private final ShopProperties shop;

    ConsoleSupport(MessageSource messages, ShopProperties shop) {
        this.messages = messages;
        this.shop = shop;
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    static Map<ShipmentStatus, String> badges() {
        return BADGES;
    }

    /** Field errors of a refused form, by the form's field names (which are the facade's). */
    static final class Errors {

        private final Map<String, String> byField = new LinkedHashMap<>();

        void add(String field, String reason) {
            byField.putIfAbsent(field, reason);
        }

        void addAll(DomainException refused) {
            if (refused.violations().isEmpty()) {
                add("form", refused.getMessage());
            }
            for (FieldViolation violation : refused.violations()) {
                add(violation.field(), violation.reason());
            }
        }

        boolean isEmpty() {
            return byField.isEmpty();
        }

        Map<String, String> map() {
            return byField;
        }
    }

    @Nullable Integer wholeNumber(@Nullable String text, String field, Errors errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            errors.add(field, text("fulfilment.form.wholeNumber"));
            return null;
        }
    }

    @Nullable BigDecimal amount(@Nullable String text, String field, Errors errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(text.trim());
            if (amount.abs().compareTo(BigDecimal.valueOf(1_000_000_000_000L)) > 0) {
                errors.add(field, text("fulfilment.form.amount"));
                return null;
            }
            return amount;
        } catch (NumberFormatException e) {
            errors.add(field, text("fulfilment.form.amount"));
            return null;
        }
    }

    /** A {@code datetime-local} value, read in the shop's zone. */
    @Nullable Instant time(@Nullable String text, String field, Errors errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.trim()).atZone(shop.zone()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(field, text("fulfilment.form.time"));
            return null;
        }
    }

    static <E extends Enum<E>> @Nullable E choice(Class<E> type, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
