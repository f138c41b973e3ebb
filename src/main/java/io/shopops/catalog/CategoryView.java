package io.shopops.catalog;

import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** A category with its place in the tree; {@code path} lists the ids from the root down to itself. */
public record CategoryView(CategoryId id, @Nullable CategoryId parentId, String code, String name,
        @Nullable String nameEn, String path, int depth, int sortOrder, Instant createdAt, Instant updatedAt,
        long version) {

    /** The name in the viewer's language: English where one is given, otherwise the (Chinese) name. */
    public String displayName(Locale locale) {
        return "en".equals(locale.getLanguage()) && nameEn != null ? nameEn : name;
    }
}
