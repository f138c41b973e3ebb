package io.shopops.ordering;

import java.util.List;

import io.shopops.catalog.SkuId;
import io.shopops.customer.AddressId;
import org.jspecify.annotations.Nullable;

/**
 * A checkout: the SKUs and quantities to buy (1 to {@value Checkout#MAX_LINES} lines, each SKU once, 1 to
 * {@value Checkout#MAX_QUANTITY} units), one of the customer's addresses, the channel the order is placed
 * through, a note for the shop and where the customer came from.
 */
public record NewOrder(@Nullable List<Line> lines, @Nullable AddressId addressId, @Nullable SalesChannel channel,
        @Nullable String customerNote, @Nullable Attribution attribution) {

    public record Line(@Nullable SkuId skuId, long quantity) {
    }
}
