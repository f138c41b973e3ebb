package io.shopops.groupbuy;

import java.time.Instant;

/** Every place of a group was paid: its members' orders go on to fulfilment. */
public record GroupBuySucceeded(GroupId groupId, GroupBuyId activityId, int members, Instant succeededAt) {
}
