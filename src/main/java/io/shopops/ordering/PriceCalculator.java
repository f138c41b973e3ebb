package io.shopops.ordering;

/**
 * The one step that prices an order: checkout charges what it returns, and the cart shows it as its estimate.
 * The standard calculation takes each SKU's sale price, applies every {@link DiscountRule} (the marketing
 * module's promotions plug in there) with each discount shared out over the lines it covers, and adds the
 * shipping fee unless the goods reach the free-shipping threshold.
 */
public interface PriceCalculator {

    PricedOrder price(PricingRequest request);

    /**
     * Tells the rules an order was placed with the discounts they gave (in checkout's transaction): each rule
     * picks its own discounts by their references and spends what they use (a coupon, a budget, a limit).
     */
    default void redeem(DiscountRule.Redemption redemption) {
    }
}
