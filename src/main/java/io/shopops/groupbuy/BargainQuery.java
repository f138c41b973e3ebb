package io.shopops.groupbuy;

import org.jspecify.annotations.Nullable;

/** Filters of the staff's bargain list; every one optional. */
public record BargainQuery(@Nullable BargainActivityId activityId, @Nullable BargainStatus status) {

    public static final BargainQuery ALL = new BargainQuery(null, null);
}
