package io.shopops.groupbuy;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.shopops.catalog.SkuId;
import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A group and how far it has come: {@code members} places of {@code groupSize} taken, {@code paid} of them paid.
 * No customer is named: the storefront shows this to anyone the group is shared with.
 */
public record GroupView(GroupId id, GroupBuyId activityId, String activityName, SkuId skuId, String title,
        Money groupPrice, GroupStatus status, int groupSize, int members, int paid, Instant openedAt,
        Instant deadline, @Nullable Instant completedAt, @Nullable String failureReason) {

    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public int placesLeft() {
        return status == GroupStatus.OPEN ? groupSize - members : 0;
    }
}
