package io.shopops.inventory;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Stock to hold for a reference (an order id, at most 64 characters), all lines or none. Without a time to
 * live the configured default applies ({@code shopops.inventory.reservation-ttl}, 30 minutes).
 */
public record NewReservation(@Nullable String reference, @Nullable List<ReservationLine> lines,
        @Nullable Duration timeToLive) {

    public static NewReservation of(String reference, ReservationLine... lines) {
        return new NewReservation(reference, List.of(lines), null);
    }
}
