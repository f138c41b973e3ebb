package io.shopops.ordering;

import java.util.List;

import io.shopops.catalog.SkuRef;
import io.shopops.customer.CustomerId;
import org.jspecify.annotations.Nullable;

/**
 * What is to be priced: the SKUs as the catalog knows them now, in the order the customer listed them, and
 * what promotions may look at (the customer when signed in, the channel, the campaign the customer came from
 * and the coupon codes the customer chose).
 *
 * @param explain whether to list the active rules that gave nothing and why (the "why not" of the cart page)
 * @param points  the most loyalty points the customer chose to pay with (0: none)
 */
public record PricingRequest(SalesChannel channel, @Nullable CustomerId customer, @Nullable String campaignCode,
        List<Item> items, List<String> couponCodes, boolean explain, long points) {

    public PricingRequest {
        items = List.copyOf(items);
        couponCodes = List.copyOf(couponCodes);
    }

    public PricingRequest(SalesChannel channel, @Nullable CustomerId customer, @Nullable String campaignCode,
            List<Item> items, List<String> couponCodes, boolean explain) {
        this(channel, customer, campaignCode, items, couponCodes, explain, 0);
    }

    public PricingRequest(SalesChannel channel, @Nullable String campaignCode, List<Item> items) {
        this(channel, null, campaignCode, items, List.of(), false);
    }

    public record Item(SkuRef sku, int quantity) {
    }
}
