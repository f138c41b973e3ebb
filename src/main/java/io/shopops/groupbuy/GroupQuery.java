package io.shopops.groupbuy;

import org.jspecify.annotations.Nullable;

/** Filters of the staff's group list; every one optional. */
public record GroupQuery(@Nullable GroupBuyId activityId, @Nullable GroupStatus status) {

    public static final GroupQuery ALL = new GroupQuery(null, null);
}
