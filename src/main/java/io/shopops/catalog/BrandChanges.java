package io.shopops.catalog;

import org.jspecify.annotations.Nullable;

/** New details of a brand; its code stays (imports and exports refer to brands by code). */
public record BrandChanges(String name, @Nullable String nameEn, @Nullable String logoUrl,
        @Nullable String description) {
}
