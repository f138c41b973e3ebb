package io.shopops.ordering;

import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A rule the price calculation applied, as the customer is shown it: a discount (an amount taken off) or the
 * shipping fee (an amount added; zero when the order ships free). {@code reference} names the promotion or
 * coupon behind a discount for the module that gave it ({@code promotion:7}, {@code coupon:42}).
 */
public record AppliedRule(Kind kind, String code, String label, Money amount, @Nullable String reference) {

    public enum Kind {
        DISCOUNT, SHIPPING
    }

    public AppliedRule {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("An applied rule's amount is never negative");
        }
    }

    public AppliedRule(Kind kind, String code, String label, Money amount) {
        this(kind, code, label, amount, null);
    }
}
