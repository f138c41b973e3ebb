package io.shopops.groupbuy.internal;

import java.time.Instant;

import io.shopops.customer.CustomerId;
import io.shopops.groupbuy.GroupBuyId;
import io.shopops.groupbuy.GroupId;
import io.shopops.groupbuy.GroupStatus;
import org.jspecify.annotations.Nullable;

/** A group's row as stored. */
public record GroupRecord(GroupId id, GroupBuyId activityId, CustomerId openerId, GroupStatus status, int groupSize,
        int members, int paid, Instant openedAt, Instant deadline, @Nullable Instant completedAt,
        @Nullable String failureReason, long version) {
}
