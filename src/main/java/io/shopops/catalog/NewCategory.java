package io.shopops.catalog;

import org.jspecify.annotations.Nullable;

/** A category to create; without a parent it is a top-level category. */
public record NewCategory(String code, String name, @Nullable String nameEn, @Nullable CategoryId parentId,
        int sortOrder) {
}
