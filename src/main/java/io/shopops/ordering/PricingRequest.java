package io.shopops.ordering;

import java.util.List;

import io.shopops.catalog.SkuRef;
import org.jspecify.annotations.Nullable;

/**
 * What is to be priced: the SKUs as the catalog knows them now, in the order the customer listed them, and
 * what promotions may look at (the channel and the campaign the customer came from).
 */
public record PricingRequest(SalesChannel channel, @Nullable String campaignCode, List<Item> items) {

    public PricingRequest {
        items = List.copyOf(items);
    }

    public record Item(SkuRef sku, int quantity) {
    }
}
