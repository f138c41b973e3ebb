package io.shopops.ordering;

import java.util.List;

import io.shopops.catalog.SkuId;
import io.shopops.shared.Money;

/**
 * A priced order: each line with its share of the discounts, every rule that was applied with its amount, and
 * the totals, which add up (items − discount + shipping = total; per line amount − discount = payable). When the
 * request asked to explain, {@code notApplied} lists the active rules that gave nothing, each with its reason.
 */
public record PricedOrder(List<Line> lines, List<AppliedRule> rules, Money itemsAmount, Money discountAmount,
        Money shippingFee, Money total, List<DiscountRule.Skipped> notApplied) {

    public PricedOrder {
        lines = List.copyOf(lines);
        rules = List.copyOf(rules);
        notApplied = List.copyOf(notApplied);
        Money items = Money.zero(itemsAmount.currency());
        Money discounts = items;
        for (Line line : lines) {
            items = items.plus(line.amount());
            discounts = discounts.plus(line.discount());
        }
        if (!items.equals(itemsAmount) || !discounts.equals(discountAmount)
                || !itemsAmount.minus(discountAmount).plus(shippingFee).equals(total)) {
            throw new IllegalArgumentException("A priced order's amounts must add up");
        }
    }

    /** One item as priced: {@code amount} = unit price × quantity, {@code payable} = amount − discount. */
    public record Line(SkuId skuId, int quantity, Money unitPrice, Money amount, Money discount, Money payable) {

        public Line {
            if (!unitPrice.times(quantity).equals(amount) || !amount.minus(discount).equals(payable)
                    || discount.isNegative() || payable.isNegative()) {
                throw new IllegalArgumentException("A priced line's amounts must add up");
            }
        }
    }
}
