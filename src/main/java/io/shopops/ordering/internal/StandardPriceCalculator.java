package io.shopops.ordering.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.shopops.ordering.AppliedRule;
import io.shopops.ordering.DiscountRule;
import io.shopops.ordering.PriceCalculator;
import io.shopops.ordering.PricedOrder;
import io.shopops.ordering.PricingRequest;
import io.shopops.shared.Money;
import io.shopops.shared.ShopProperties;

/**
 * Sale price × quantity per item, then each {@link DiscountRule} in order (capped at what its items still cost,
 * shared out over them in proportion), then the shipping fee: free when the goods after discounts reach
 * {@code shopops.ordering.free-shipping-threshold}, otherwise {@code shopops.ordering.shipping-fee}.
 */
public class StandardPriceCalculator implements PriceCalculator {

    public static final String SHIPPING_FEE = "shipping-fee";
    public static final String FREE_SHIPPING = "free-shipping";

    private final List<DiscountRule> discounts;
    private final OrderingProperties properties;
    private final ShopProperties shop;

    public StandardPriceCalculator(List<DiscountRule> discounts, OrderingProperties properties, ShopProperties shop) {
        this.discounts = List.copyOf(discounts);
        this.properties = properties;
        this.shop = shop;
    }

    @Override
    public PricedOrder price(PricingRequest request) {
        List<PricingRequest.Item> items = request.items();
        List<Money> amounts = new ArrayList<>();
        List<Money> payable = new ArrayList<>();
        List<Money> discounted = new ArrayList<>();
        Money zero = Money.zero(shop.currency());
        for (PricingRequest.Item item : items) {
            Money amount = item.sku().salePrice().times(item.quantity());
            amounts.add(amount);
            payable.add(amount);
            discounted.add(zero);
        }
        List<AppliedRule> rules = new ArrayList<>();
        for (DiscountRule rule : discounts) {
            Optional<DiscountRule.Discount> found = rule.apply(request, List.copyOf(payable));
            if (found.isEmpty() || found.get().amount().isZero()) {
                continue;
            }
            DiscountRule.Discount discount = found.get();
            List<Integer> covered = covered(discount.items(), items.size());
            Money room = covered.stream().map(payable::get).reduce(zero, Money::plus);
            Money amount = discount.amount().isGreaterThan(room) ? room : discount.amount();
            if (amount.isZero()) {
                continue;
            }
            List<Money> shares = Proration.split(amount, covered.stream().map(i -> payable.get(i).minorUnits()).toList());
            for (int k = 0; k < covered.size(); k++) {
                int i = covered.get(k);
                payable.set(i, payable.get(i).minus(shares.get(k)));
                discounted.set(i, discounted.get(i).plus(shares.get(k)));
            }
            rules.add(new AppliedRule(AppliedRule.Kind.DISCOUNT, discount.code(), discount.label(), amount));
        }
        List<PricedOrder.Line> lines = new ArrayList<>();
        Money itemsAmount = zero;
        Money discountAmount = zero;
        for (int i = 0; i < items.size(); i++) {
            PricingRequest.Item item = items.get(i);
            lines.add(new PricedOrder.Line(item.sku().id(), item.quantity(), item.sku().salePrice(), amounts.get(i),
                    discounted.get(i), payable.get(i)));
            itemsAmount = itemsAmount.plus(amounts.get(i));
            discountAmount = discountAmount.plus(discounted.get(i));
        }
        Money goods = itemsAmount.minus(discountAmount);
        Money threshold = Money.of(properties.freeShippingThreshold(), shop.currency());
        boolean free = goods.compareTo(threshold) >= 0;
        Money shipping = free ? zero : Money.of(properties.shippingFee(), shop.currency());
        rules.add(new AppliedRule(AppliedRule.Kind.SHIPPING, free ? FREE_SHIPPING : SHIPPING_FEE,
                free ? "Free shipping from " + threshold.amount().toPlainString() : "Shipping fee", shipping));
        return new PricedOrder(lines, rules, itemsAmount, discountAmount, shipping, goods.plus(shipping));
    }

    private static List<Integer> covered(Set<Integer> items, int size) {
        List<Integer> covered = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (items.isEmpty() || items.contains(i)) {
                covered.add(i);
            }
        }
        return covered;
    }
}
