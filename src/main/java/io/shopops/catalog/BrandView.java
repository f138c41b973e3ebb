package io.shopops.catalog;

import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

public record BrandView(BrandId id, String code, String name, @Nullable String nameEn, @Nullable String logoUrl,
        @Nullable String description, Instant createdAt, Instant updatedAt, long version) {

    public String displayName(Locale locale) {
        return "en".equals(locale.getLanguage()) && nameEn != null ? nameEn : name;
    }
}
