package io.shopops.ordering;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.shopops.customer.CustomerId;
import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A link in the price chain (價格計算鏈). The standard calculation runs the rules stage by stage (member price →
 * limited-time discount → full reduction → coupon → points; within a stage in
 * {@link org.springframework.core.annotation.Order}): each rule sees the request and what every item still costs
 * after the rules before it, and may take amounts off some items or the whole order. The calculation caps each
 * discount at what its items may still lose (never below cost unless the discount allows it) and shares it out
 * over them in proportion, to the cent. The marketing module's promotions, coupons and flash sales are beans of
 * this type.
 */
public interface DiscountRule {

    /** The stage of the chain the rule belongs to; the chain runs the stages in this order. */
    enum Stage {
        MEMBER_PRICE, LIMITED_TIME, FULL_REDUCTION, COUPON, POINTS
    }

    default Stage stage() {
        return Stage.LIMITED_TIME;
    }

    /**
     * @param payable what each item of the request (by index) still costs
     */
    Evaluation apply(PricingRequest request, List<Money> payable);

    /**
     * Called in checkout's transaction once the order is written, with the discounts of this rule that the order
     * got (by their {@link Discount#reference()}): a coupon is marked used, a budget or a per-customer limit is
     * spent. Refusing (a coupon used by a parallel checkout meanwhile) throws, and the whole checkout is undone.
     */
    default void redeem(Redemption redemption) {
    }

    /**
     * A discount the rule gives.
     *
     * @param items            the indexes of the items the discount is for; empty for the whole order
     * @param reference        what the rule needs to find the discount again at {@link #redeem} (e.g.
     *                         {@code coupon:42}); kept with the order
     * @param belowCostAllowed whether the discount may take items below their cost price (the margin floor)
     */
    record Discount(String code, String label, Money amount, Set<Integer> items, @Nullable String reference,
            boolean belowCostAllowed) {

        public Discount {
            items = Set.copyOf(items);
            if (amount.isNegative()) {
                throw new IllegalArgumentException("A discount is never negative");
            }
        }

        public Discount(String code, String label, Money amount, Set<Integer> items) {
            this(code, label, amount, items, null, false);
        }
    }

    /** A rule that was active but gave nothing, with the reason, for the customer who asks why. */
    record Skipped(String code, String label, String reason) {
    }

    /** What a rule made of a request: the discounts it gives and, when asked to explain, what it did not. */
    record Evaluation(List<Discount> discounts, List<Skipped> skipped) {

        private static final Evaluation NONE = new Evaluation(List.of(), List.of());

        public Evaluation {
            discounts = List.copyOf(discounts);
            skipped = List.copyOf(skipped);
        }

        public static Evaluation none() {
            return NONE;
        }

        public static Evaluation of(Discount discount) {
            return new Evaluation(List.of(discount), List.of());
        }

        public static Evaluation skipped(Skipped skipped) {
            return new Evaluation(List.of(), List.of(skipped));
        }
    }

    /** An order as placed, with the discounts it got from one rule. */
    record Redemption(OrderId orderId, String orderNumber, CustomerId customer, PricingRequest request,
            List<AppliedRule> applied, Instant placedAt) {

        public Redemption {
            applied = List.copyOf(applied);
        }
    }
}
