package io.shopops.groupbuy;

import java.time.Instant;

import io.shopops.customer.CustomerId;
import io.shopops.ordering.OrderId;
import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A customer's place in a group, with the group's progress. While PENDING_PAYMENT without an order, the place is
 * kept until {@code holdUntil}: checking out the activity's SKU alone (one unit) before then gets the group price
 * and binds the order to the place.
 */
public record MembershipView(MembershipId id, GroupView group, CustomerId customerId, boolean opener,
        MembershipStatus status, @Nullable OrderId orderId, @Nullable String orderNumber, @Nullable Money paidAmount,
        @Nullable Money refundAmount, Instant joinedAt, Instant holdUntil, @Nullable Instant paidAt,
        @Nullable Instant endedAt, @Nullable String note) {
}
