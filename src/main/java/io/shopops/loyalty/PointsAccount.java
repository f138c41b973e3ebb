package io.shopops.loyalty;

import java.time.Instant;
import java.util.List;

import io.shopops.customer.CustomerId;
import org.jspecify.annotations.Nullable;

/**
 * A customer's points: the balance, what expires next and when, and the latest ledger entries.
 *
 * @param worth what the balance would take off an order (100 points = ¥1.00)
 */
public record PointsAccount(CustomerId customerId, long balance, io.shopops.shared.Money worth, long expiringNext,
        @Nullable Instant expiringAt, List<PointsEntry> latest) {

    public PointsAccount {
        latest = List.copyOf(latest);
    }
}
