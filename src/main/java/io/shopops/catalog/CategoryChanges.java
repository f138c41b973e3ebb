package io.shopops.catalog;

import org.jspecify.annotations.Nullable;

/** New names and position among siblings for a category; its code and place in the tree stay. */
public record CategoryChanges(String name, @Nullable String nameEn, int sortOrder) {
}
