package io.shopops.inventory.web;

import java.math.BigDecimal;

import io.shopops.catalog.SkuId;
import io.shopops.inventory.WarehouseId;
import io.shopops.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * Quantities arrive as JSON numbers of any size and precision, so that a fraction or a huge number is refused
 * naming its field instead of being truncated or failing the whole body: a fraction is refused here, and a whole
 * number outside the int range is clamped to it, where the facade's range check (1 to 1,000,000) refuses it.
 */
final class Quantities {

    private static final BigDecimal MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
    private static final BigDecimal MIN = BigDecimal.valueOf(Integer.MIN_VALUE);

    private Quantities() {
    }

    static @Nullable Integer optional(String field, @Nullable BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
            throw new InvalidInputException(field, "must be a whole number");
        }
        if (value.compareTo(MAX) > 0) {
            return Integer.MAX_VALUE;
        }
        if (value.compareTo(MIN) < 0) {
            return Integer.MIN_VALUE;
        }
        return value.intValueExact();
    }

    /** A quantity that must be given; a missing one reads as 0, which the facade refuses as below 1. */
    static int required(String field, @Nullable BigDecimal value) {
        Integer quantity = optional(field, value);
        return quantity == null ? 0 : quantity;
    }

    static @Nullable SkuId sku(@Nullable Long id) {
        return id == null ? null : new SkuId(id);
    }

    static @Nullable WarehouseId warehouse(@Nullable Long id) {
        return id == null ? null : new WarehouseId(id);
    }
}
