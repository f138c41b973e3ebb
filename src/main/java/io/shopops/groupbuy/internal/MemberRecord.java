package io.shopops.groupbuy.internal;

import java.time.Instant;

import io.shopops.catalog.SkuId;
import io.shopops.customer.CustomerId;
import io.shopops.groupbuy.GroupBuyId;
import io.shopops.groupbuy.GroupId;
import io.shopops.groupbuy.MembershipId;
import io.shopops.groupbuy.MembershipStatus;
import io.shopops.ordering.OrderId;
import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/** A membership's row as stored. */
public record MemberRecord(MembershipId id, GroupId groupId, GroupBuyId activityId, CustomerId customerId,
        SkuId skuId, boolean opener, MembershipStatus status, @Nullable OrderId orderId, @Nullable String orderNumber,
        @Nullable Money paidAmount, @Nullable Money refundAmount, Instant joinedAt, Instant holdUntil,
        @Nullable Instant paidAt, @Nullable Instant endedAt, @Nullable String note) {
}
