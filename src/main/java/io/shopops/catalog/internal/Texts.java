package io.shopops.catalog.internal;

import org.jspecify.annotations.Nullable;

final class Texts {

    private Texts() {
    }

    static @Nullable String trimToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
