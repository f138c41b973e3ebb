package io.shopops.inventory;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.shopops.shared.Actor;
import io.shopops.shared.Actors;
import io.shopops.shared.Violations;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * What the inventory's facades share: the time stamp of a change, the acting member and the input checks
 * every movement applies. Not part of the module's API.
 */
@Component
final class InventorySupport {

    private final Clock clock;

    InventorySupport(Clock clock) {
        this.clock = clock;
    }

    /** Now, to the microsecond that both databases store. */
    Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    static Actor actor() {
        return Actors.current();
    }

    static boolean isStaff() {
        return actor().staffId() != null;
    }

    static void checkQuantity(Violations v, String field, int quantity) {
        if (quantity < 1) {
            v.add(field, "must be at least 1");
        } else if (quantity > Inventory.MAX_QUANTITY) {
            v.add(field, "must be at most " + Inventory.MAX_QUANTITY);
        }
    }

    static @Nullable String trimToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
