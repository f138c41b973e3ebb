package io.shopops.marketing.internal;

import java.util.ArrayList;
import java.util.List;

import io.shopops.catalog.SkuRef;
import io.shopops.ordering.DiscountRule;
import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/** An item of a basket as promotions see it: what it is (for targeting), its unit price and quantity. */
public record BasketItem(long skuId, long productId, long categoryId, @Nullable Long brandId, Money unitPrice,
        int quantity) {

    public static BasketItem of(SkuRef sku, int quantity) {
        return new BasketItem(sku.id().value(), sku.productId().value(), sku.categoryId().value(),
                sku.brandId() == null ? null : sku.brandId().value(), sku.salePrice(), quantity);
    }

    public Money amount() {
        return unitPrice.times(quantity);
    }

    /**
     * What a discount takes off each of its items (all when it names none), in proportion to what they still cost,
     * the last item taking the rounding rest: so the next rule of the same stage sees what is left.
     */
    static void takeOff(List<Money> left, DiscountRule.Discount discount) {
        List<Integer> covered = new ArrayList<>();
        long weight = 0;
        for (int i = 0; i < left.size(); i++) {
            if (discount.items().isEmpty() || discount.items().contains(i)) {
                covered.add(i);
                weight += left.get(i).minorUnits();
            }
        }
        long amount = Math.min(discount.amount().minorUnits(), weight);
        long given = 0;
        for (int k = 0; k < covered.size(); k++) {
            int i = covered.get(k);
            long share = k == covered.size() - 1 ? amount - given
                    : weight == 0 ? 0 : amount * left.get(i).minorUnits() / weight;
            share = Math.min(share, left.get(i).minorUnits());
            given += share;
            left.set(i, left.get(i).minus(Money.ofMinor(share, left.get(i).currency())));
        }
    }
}
