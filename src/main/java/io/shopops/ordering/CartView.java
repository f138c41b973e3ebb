package io.shopops.ordering;

import java.time.Instant;
import java.util.List;

import io.shopops.catalog.SkuId;
import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A customer's cart with today's prices and stock: each item as the catalog sells it now, and an estimate of
 * what the items that can be bought would cost (priced like a checkout; the checkout's price is what counts),
 * with the promotions that do not apply yet and why ("add 30.00 more for 20.00 off").
 */
public record CartView(List<Item> items, int itemCount, Money itemsAmount, Money discountAmount, Money shippingFee,
        Money total, List<AppliedRule> priceRules, List<DiscountRule.Skipped> notApplied) {

    public CartView {
        items = List.copyOf(items);
        priceRules = List.copyOf(priceRules);
        notApplied = List.copyOf(notApplied);
    }

    /**
     * @param sellable  whether the SKU can be bought now (its product on the shelf, the SKU active)
     * @param available units available over all warehouses now
     */
    public record Item(SkuId skuId, @Nullable String skuCode, @Nullable String title, @Nullable String spec,
            int quantity, @Nullable Money unitPrice, @Nullable Money amount, boolean sellable, long available,
            boolean inStock, Instant addedAt) {
    }
}
