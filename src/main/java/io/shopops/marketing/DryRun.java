package io.shopops.marketing;

import java.time.LocalDate;
import java.util.List;

import io.shopops.shared.Money;

/**
 * A draft promotion applied to the real baskets of the last days, on top of the discounts they got: how many
 * orders it would have touched, what it would have cost and how the gross margin would have moved.
 * Gross margin = what the orders paid for goods − their cost; "after" subtracts the promotion's discount.
 */
public record DryRun(PromotionId promotionId, int days, long orders, long ordersTouched, double touchedShare,
        Money goodsPaid, Money discountCost, Money grossMarginBefore, Money grossMarginAfter,
        double marginRateBefore, double marginRateAfter, List<Day> byDay) {

    public DryRun {
        byDay = List.copyOf(byDay);
    }

    public record Day(LocalDate day, long orders, long ordersTouched, Money discountCost) {
    }
}
