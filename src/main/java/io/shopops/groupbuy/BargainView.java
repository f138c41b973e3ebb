package io.shopops.groupbuy;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.shopops.catalog.SkuId;
import io.shopops.customer.CustomerId;
import io.shopops.ordering.OrderId;
import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A customer's bargain: the price reached so far by its helpers' cuts (never below {@code floorPrice}), and each
 * cut in the order made. While ACTIVE and before {@code deadline}, the owner checking out the SKU gets it at
 * {@code currentPrice} (one unit).
 */
public record BargainView(BargainId id, BargainActivityId activityId, String activityName, String title,
        CustomerId customerId, SkuId skuId, Money startPrice, Money floorPrice, Money currentPrice, int helpers,
        int maxHelpers, BargainStatus status, Instant startedAt, Instant deadline, @Nullable Instant purchasedAt,
        @Nullable Money purchasedPrice, @Nullable OrderId orderId, @Nullable String orderNumber, List<Cut> cuts) {

    public BargainView {
        cuts = List.copyOf(cuts);
    }

    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public boolean floorReached() {
        return currentPrice.equals(floorPrice);
    }

    /**
     * A helper's cut: {@code drawn} is the random amount its seed gave, {@code amount} what it took (less only for
     * the cut that reached the floor), {@code priceAfter} the price it left.
     */
    public record Cut(int seq, CustomerId helperId, Money drawn, Money amount, Money priceAfter, Instant cutAt) {
    }
}
