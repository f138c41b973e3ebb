package io.shopops.groupbuy.internal;

import io.shopops.catalog.SkuId;
import io.shopops.groupbuy.GroupId;
import io.shopops.groupbuy.MembershipId;
import io.shopops.shared.Money;

/** A place a customer may check out now: waiting for its order, in a group still gathering before its deadline. */
public record UsablePlace(MembershipId id, GroupId groupId, SkuId skuId, String activityName, Money groupPrice,
        boolean belowCostAllowed, int groupSize) {
}
