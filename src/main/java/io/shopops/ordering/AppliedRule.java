package io.shopops.ordering;

import io.shopops.shared.Money;

/**
 * A rule the price calculation applied, as the customer is shown it: a discount (an amount taken off) or the
 * shipping fee (an amount added; zero when the order ships free).
 */
public record AppliedRule(Kind kind, String code, String label, Money amount) {

    public enum Kind {
        DISCOUNT, SHIPPING
    }

    public AppliedRule {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("An applied rule's amount is never negative");
        }
    }
}
