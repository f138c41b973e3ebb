package io.shopops.inventory;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A reservation that held stock for an order in the past and has ended, for
 * {@link Reservations#importHistorical}: what the imported order's allocations and shipments name.
 *
 * @param reference the order (at most 64 characters), as a live reservation's
 * @param status    how it ended: SHIPPED, RELEASED or EXPIRED (an ACTIVE one holds stock: reserve it)
 * @param closedAt  when it ended; not before {@code createdAt}, not in the future
 */
public record HistoricalReservation(@Nullable String reference, @Nullable ReservationStatus status,
        @Nullable List<ReservationLine> lines, @Nullable Instant createdAt, @Nullable Instant closedAt) {
}
