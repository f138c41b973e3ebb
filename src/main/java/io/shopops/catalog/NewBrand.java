package io.shopops.catalog;

import org.jspecify.annotations.Nullable;

public record NewBrand(String code, String name, @Nullable String nameEn, @Nullable String logoUrl,
        @Nullable String description) {
}
