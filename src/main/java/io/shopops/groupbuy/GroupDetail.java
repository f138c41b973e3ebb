package io.shopops.groupbuy;

import java.time.Instant;
import java.util.List;

import io.shopops.customer.CustomerId;
import io.shopops.ordering.OrderId;
import io.shopops.ordering.OrderStatus;
import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/** A group as staff see it: who opened it, and every member with the order that pays for the place. */
public record GroupDetail(GroupView group, CustomerId openerId, List<Member> members) {

    public GroupDetail {
        members = List.copyOf(members);
    }

    /** A member; {@code order} is the order as the ordering module knows it now (none before checkout). */
    public record Member(MembershipId id, CustomerId customerId, boolean opener, MembershipStatus status,
            @Nullable Money paidAmount, @Nullable Money refundAmount, Instant joinedAt, @Nullable Instant paidAt,
            @Nullable Instant endedAt, @Nullable String note, @Nullable MemberOrder order) {
    }

    public record MemberOrder(OrderId id, String orderNumber, OrderStatus status, Money total, Money paidAmount,
            Money refundedAmount) {
    }
}
