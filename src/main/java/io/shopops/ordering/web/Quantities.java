package io.shopops.ordering.web;

import io.shopops.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/** A quantity a client must send. */
final class Quantities {

    private Quantities() {
    }

    static long required(@Nullable Long quantity) {
        if (quantity == null) {
            throw new InvalidInputException("quantity", "is required");
        }
        return quantity;
    }
}
