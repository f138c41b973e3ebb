package io.shopops.ordering;

import java.math.BigDecimal;
import java.util.List;

import io.shopops.catalog.SkuId;
import io.shopops.customer.AddressId;
import org.jspecify.annotations.Nullable;

/**
 * A checkout: the SKUs and quantities to buy (1 to {@value Checkout#MAX_LINES} lines, each SKU once, 1 to
 * {@value Checkout#MAX_QUANTITY} units), one of the customer's addresses, the channel the order is placed
 * through, a note for the shop and where the customer came from.
 *
 * @param expectedTotal the total the customer was shown (the cart's); when given and the order would now cost
 *                      anything else (a price changed, a promotion ended since the cart was read), checkout is
 *                      refused with 422 {@code price-changed} and nothing is written, so nobody pays a surprise
 * @param couponCodes   the coupons the customer chose (at most {@value Checkout#MAX_COUPONS}); each must apply,
 *                      or checkout is refused with 422 {@code coupon-not-applicable} naming it
 * @param pointsToUse   the most loyalty points (積分) to pay with (0 to {@value Checkout#MAX_POINTS}); the price
 *                      chain's points stage uses what the balance and its cap allow, and the order shows how many
 */
public record NewOrder(@Nullable List<Line> lines, @Nullable AddressId addressId, @Nullable SalesChannel channel,
        @Nullable String customerNote, @Nullable Attribution attribution, @Nullable BigDecimal expectedTotal,
        @Nullable List<String> couponCodes, @Nullable Long pointsToUse) {

    public NewOrder(@Nullable List<Line> lines, @Nullable AddressId addressId, @Nullable SalesChannel channel,
            @Nullable String customerNote, @Nullable Attribution attribution, @Nullable BigDecimal expectedTotal,
            @Nullable List<String> couponCodes) {
        this(lines, addressId, channel, customerNote, attribution, expectedTotal, couponCodes, null);
    }

    public NewOrder(@Nullable List<Line> lines, @Nullable AddressId addressId, @Nullable SalesChannel channel,
            @Nullable String customerNote, @Nullable Attribution attribution) {
        this(lines, addressId, channel, customerNote, attribution, null, null);
    }

    public NewOrder(@Nullable List<Line> lines, @Nullable AddressId addressId, @Nullable SalesChannel channel,
            @Nullable String customerNote, @Nullable Attribution attribution, @Nullable BigDecimal expectedTotal) {
        this(lines, addressId, channel, customerNote, attribution, expectedTotal, null);
    }

    public record Line(@Nullable SkuId skuId, long quantity) {
    }
}
