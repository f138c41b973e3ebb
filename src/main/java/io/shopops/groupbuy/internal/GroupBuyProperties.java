package io.shopops.groupbuy.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Group-buy and bargain settings ({@code shopops.groupbuy.*}).
 *
 * @param placeHold    how long a place taken in a group is kept for its customer to check out; a place without an
 *                     order after that goes back to the group (an order's own payment window takes over once placed)
 * @param jobInterval  how often the jobs fail groups whose time ran out, settle completed groups' members, give
 *                     unused places back, expire bargains and end activities
 * @param jobBatchSize how many groups, members or bargains a job reads at a time
 */
@ConfigurationProperties("shopops.groupbuy")
public record GroupBuyProperties(
        @DefaultValue("30m") Duration placeHold,
        @DefaultValue("30s") Duration jobInterval,
        @DefaultValue("100") int jobBatchSize) {

    public GroupBuyProperties {
        if (placeHold.isNegative() || placeHold.isZero() || jobInterval.isNegative() || jobInterval.isZero()) {
            throw new IllegalArgumentException("shopops.groupbuy durations must be positive");
        }
        if (jobBatchSize < 1 || jobBatchSize > 1000) {
            throw new IllegalArgumentException("shopops.groupbuy.job-batch-size must be between 1 and 1000");
        }
    }
}
