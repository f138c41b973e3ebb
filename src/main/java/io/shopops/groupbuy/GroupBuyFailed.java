package io.shopops.groupbuy;

import java.time.Instant;

/**
 * A group failed (its time ran out with {@code paid} of {@code groupSize} places paid, or its activity was
 * cancelled): every member's order is cancelled and what was paid refunded in full.
 */
public record GroupBuyFailed(GroupId groupId, GroupBuyId activityId, int paid, int groupSize, String reason,
        Instant failedAt) {
}
