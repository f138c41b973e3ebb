package io.shopops.inventory.web;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.shopops.catalog.Catalog;
import io.shopops.catalog.SkuId;
import io.shopops.catalog.SkuRef;
import io.shopops.inventory.WarehouseId;
import io.shopops.shared.DomainException;
import io.shopops.shared.FieldViolation;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the inventory's console forms share: turning typed text into ids and numbers, collecting field errors
 * under the form's own field names, and texts from the message bundles.
 */
@Component
class ConsoleForms {

    private final Catalog catalog;
    private final MessageSource messages;

    ConsoleForms(Catalog catalog, MessageSource messages) {
        this.catalog = catalog;
        this.messages = messages;
    }

    String text(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, locale);
    }

    /** Field errors of a refused form, keyed by the form's field names. */
    static final class Errors {

        private final Map<String, String> byField = new LinkedHashMap<>();

        void add(String field, String reason) {
            byField.putIfAbsent(field, reason);
        }

        boolean isEmpty() {
            return byField.isEmpty();
        }

        Map<String, String> map() {
            return byField;
        }

        /** The domain's violations, renaming its fields (skuId) to the form's (skuCode). */
        void addAll(DomainException refused, Map<String, String> renames) {
            if (refused.violations().isEmpty()) {
                add("form", refused.getMessage());
            }
            for (FieldViolation violation : refused.violations()) {
                add(renames.getOrDefault(violation.field(), violation.field()), violation.reason());
            }
        }
    }

    Optional<SkuRef> sku(@Nullable String code, String field, Errors errors) {
        if (code == null || code.isBlank()) {
            errors.add(field, text("inventory.form.required"));
            return Optional.empty();
        }
        Optional<SkuRef> sku = catalog.skuByCode(code.trim());
        if (sku.isEmpty()) {
            errors.add(field, text("inventory.form.unknownSku", code.trim()));
        }
        return sku;
    }

    @Nullable WarehouseId warehouse(@Nullable String id, String field, Errors errors) {
        Long value = number(id, field, errors, true);
        return value == null ? null : new WarehouseId(value);
    }

    /** A whole number typed into a form, or null (with an error when it is required or not a number). */
    @Nullable Long number(@Nullable String text, String field, Errors errors, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                errors.add(field, text("inventory.form.required"));
            }
            return null;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            errors.add(field, text("inventory.form.wholeNumber"));
            return null;
        }
    }

    /** SKU codes for showing ids, from the catalog; an unknown id shows as #id. */
    Map<SkuId, String> skuCodes(Collection<SkuId> ids) {
        Map<SkuId, String> codes = new java.util.HashMap<>();
        catalog.skus(ids).forEach((id, ref) -> codes.put(id, ref.skuCode()));
        ids.forEach(id -> codes.putIfAbsent(id, "#" + id));
        return codes;
    }

    /** A quantity as the facade takes it: clamped into the int range, where its own range check refuses it. */
    static int clamp(long value) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }
}
