package io.shopops.loyalty;

import java.time.Instant;

import io.shopops.customer.CustomerId;
import org.jspecify.annotations.Nullable;

/**
 * One line of a customer's points ledger (signed {@code points}; {@code balanceAfter} the balance it left).
 *
 * @param remaining for a positive entry (a lot): what of it is left to spend; null for a negative one
 */
public record PointsEntry(long id, CustomerId customerId, PointsEntryKind kind, long points, long balanceAfter,
        @Nullable Long remaining, @Nullable Instant expiresAt, @Nullable Long orderId, @Nullable String note,
        String createdBy, Instant createdAt) {
}
