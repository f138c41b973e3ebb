package io.shopops.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** One spec attribute of a SKU (規格), such as colour = red or 尺码 = M. */
public record SpecAttribute(String name, String value) {

    /** How a spec is written in forms and CSV files, for refusals. */
    public static final String TEXT_FORMAT = "must be name:value pairs separated by '|', such as 颜色:红|尺码:M";

    @Override
    public String toString() {
        return name + ":" + value;
    }

    /** A spec as people type it and CSV files hold it: {@code 颜色:红|尺码:M}. */
    public static String format(List<SpecAttribute> attributes) {
        return attributes.stream().map(SpecAttribute::toString).collect(Collectors.joining("|"));
    }

    /**
     * Reads {@code 颜色:红|尺码:M} (blank parts are skipped, the value may itself hold ':'); empty when a part is
     * not a {@code name:value} pair.
     */
    public static Optional<List<SpecAttribute>> parse(String text) {
        List<SpecAttribute> attributes = new ArrayList<>();
        for (String part : text.split("\\|", -1)) {
            if (part.isBlank()) {
                continue;
            }
            int colon = part.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            String name = part.substring(0, colon).strip();
            String value = part.substring(colon + 1).strip();
            if (name.isEmpty() || value.isEmpty()) {
                return Optional.empty();
            }
            attributes.add(new SpecAttribute(name, value));
        }
        return Optional.of(attributes);
    }
}
