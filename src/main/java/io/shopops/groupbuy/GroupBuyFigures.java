package io.shopops.groupbuy;

import java.math.BigDecimal;
import java.util.List;

import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * The group-buy monitor's figures (definitions in docs/metrics.md): groups by outcome, the success rate (succeeded ÷
 * completed, none before a group completed), the orders released to fulfilment, and the refunds the failed groups
 * triggered (members refunded and the amount). {@code activities} has the same counts per activity.
 */
public record GroupBuyFigures(long openGroups, long succeededGroups, long failedGroups,
        @Nullable BigDecimal successRate, long releasedOrders, long refundedMembers, Money refundedAmount,
        List<ActivityCounts> activities) {

    public GroupBuyFigures {
        activities = List.copyOf(activities);
    }

    public record ActivityCounts(GroupBuyId activityId, long open, long succeeded, long failed) {
    }
}
