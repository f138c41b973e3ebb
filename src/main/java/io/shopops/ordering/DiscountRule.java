package io.shopops.ordering;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.shopops.shared.Money;

/**
 * A discount the standard price calculation applies, in {@link org.springframework.core.annotation.Order}: each
 * rule sees the request and what every item still costs after the rules before it, and may take an amount off
 * some items (or the whole order). The calculation caps the amount at what those items still cost and shares it
 * out over them in proportion, to the cent. The marketing module's promotions are beans of this type.
 */
public interface DiscountRule {

    /**
     * @param payable what each item of the request (by index) still costs
     */
    Optional<Discount> apply(PricingRequest request, List<Money> payable);

    /**
     * @param items the indexes of the items the discount is for; empty for the whole order
     */
    record Discount(String code, String label, Money amount, Set<Integer> items) {

        public Discount {
            items = Set.copyOf(items);
            if (amount.isNegative()) {
                throw new IllegalArgumentException("A discount is never negative");
            }
        }
    }
}
