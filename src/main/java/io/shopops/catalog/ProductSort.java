package io.shopops.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import io.shopops.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * The order of a product search, written {@code field} or {@code field,asc|desc}: {@code updatedAt},
 * {@code createdAt}, {@code title}, {@code price} (the lowest sale price of the active SKUs) or {@code spuCode}.
 * Without a direction, times sort newest first and everything else ascending.
 */
public record ProductSort(Field field, boolean ascending) {

    public static final ProductSort DEFAULT = new ProductSort(Field.UPDATED_AT, false);

    public enum Field {
        UPDATED_AT("updatedAt"), CREATED_AT("createdAt"), TITLE("title"), PRICE("price"), SPU_CODE("spuCode");

        private final String param;

        Field(String param) {
            this.param = param;
        }

        public String param() {
            return param;
        }

        boolean newestFirst() {
            return this == UPDATED_AT || this == CREATED_AT;
        }
    }

    /** Reads a sort as a client writes it; blank means the default, anything unknown is refused naming {@code sort}. */
    public static ProductSort parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        String[] parts = text.trim().split(",", -1);
        Field field = Arrays.stream(Field.values()).filter(f -> f.param.equals(parts[0].trim())).findFirst()
                .orElseThrow(ProductSort::unknown);
        if (parts.length == 1) {
            return new ProductSort(field, !field.newestFirst());
        }
        if (parts.length == 2) {
            switch (parts[1].trim().toLowerCase(Locale.ROOT)) {
                case "asc" -> {
                    return new ProductSort(field, true);
                }
                case "desc" -> {
                    return new ProductSort(field, false);
                }
                default -> throw unknown();
            }
        }
        throw unknown();
    }

    private static InvalidInputException unknown() {
        return new InvalidInputException("sort", "must be one of "
                + Arrays.stream(Field.values()).map(Field::param).collect(Collectors.joining(", "))
                + ", optionally followed by ',asc' or ',desc'");
    }

    /** The sort as {@link #parse} reads it back, for links. */
    @Override
    public String toString() {
        return field.param + (ascending ? ",asc" : ",desc");
    }
}
