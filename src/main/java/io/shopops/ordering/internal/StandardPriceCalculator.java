package io.shopops.ordering.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import io.shopops.ordering.AppliedRule;
import io.shopops.ordering.DiscountRule;
import io.shopops.ordering.PriceCalculator;
import io.shopops.ordering.PricedOrder;
import io.shopops.ordering.PricingRequest;
import io.shopops.shared.Money;
import io.shopops.shared.ShopProperties;

/**
 * Sale price × quantity per item, then the {@link DiscountRule}s stage by stage (member price, limited-time
 * discount, full reduction, coupon, points; {@code @Order} within a stage), then the shipping fee: free when the
 * goods after discounts reach {@code shopops.ordering.free-shipping-threshold}, otherwise
 * {@code shopops.ordering.shipping-fee}.
 * <p>
 * Each discount is capped at what its items may still lose and shared out over them in proportion to what they
 * still cost, to the cent, no item losing more than its room: what it still costs less its cost price (the margin
 * floor), unless the discount is allowed below cost. So no line ever goes below its floor and no total below zero.
 */
public class StandardPriceCalculator implements PriceCalculator {

    public static final String SHIPPING_FEE = "shipping-fee";
    public static final String FREE_SHIPPING = "free-shipping";

    private final List<DiscountRule> discounts;
    private final OrderingProperties properties;
    private final ShopProperties shop;

    public StandardPriceCalculator(List<DiscountRule> discounts, OrderingProperties properties, ShopProperties shop) {
        // a stable sort: the @Order the list came in stays within a stage
        this.discounts = discounts.stream().sorted(Comparator.comparing(DiscountRule::stage)).toList();
        this.properties = properties;
        this.shop = shop;
    }

    @Override
    public PricedOrder price(PricingRequest request) {
        List<PricingRequest.Item> items = request.items();
        Money zero = Money.zero(shop.currency());
        List<Money> amounts = new ArrayList<>();
        List<Money> payable = new ArrayList<>();
        List<Money> discounted = new ArrayList<>();
        List<Money> floors = new ArrayList<>();
        for (PricingRequest.Item item : items) {
            Money amount = item.sku().salePrice().times(item.quantity());
            amounts.add(amount);
            payable.add(amount);
            discounted.add(zero);
            Money cost = item.sku().costPrice().times(item.quantity());
            floors.add(cost.isNegative() ? zero : cost);
        }
        List<AppliedRule> rules = new ArrayList<>();
        List<DiscountRule.Skipped> notApplied = new ArrayList<>();
        for (DiscountRule rule : discounts) {
            DiscountRule.Evaluation evaluation = rule.apply(request, List.copyOf(payable));
            if (request.explain()) {
                notApplied.addAll(evaluation.skipped());
            }
            for (DiscountRule.Discount discount : evaluation.discounts()) {
                List<Integer> covered = covered(discount.items(), items.size());
                List<Long> room = new ArrayList<>();
                long totalRoom = 0;
                for (int i : covered) {
                    Money floor = discount.belowCostAllowed() ? zero : floors.get(i);
                    long r = Math.max(0, payable.get(i).minorUnits() - floor.minorUnits());
                    room.add(r);
                    totalRoom += r;
                }
                Money amount = Money.ofMinor(Math.min(discount.amount().minorUnits(), totalRoom), zero.currency());
                if (amount.isZero()) {
                    if (request.explain() && !discount.amount().isZero()) {
                        notApplied.add(new DiscountRule.Skipped(discount.code(), discount.label(),
                                "the items would go below their cost price"));
                    }
                    continue;
                }
                List<Money> shares = Proration.splitCapped(amount,
                        covered.stream().map(i -> payable.get(i).minorUnits()).toList(), room);
                for (int k = 0; k < covered.size(); k++) {
                    int i = covered.get(k);
                    payable.set(i, payable.get(i).minus(shares.get(k)));
                    discounted.set(i, discounted.get(i).plus(shares.get(k)));
                }
                String label = amount.equals(discount.amount()) ? discount.label()
                        : discount.label() + " (capped at " + amount.amount().toPlainString() + ")";
                rules.add(new AppliedRule(AppliedRule.Kind.DISCOUNT, discount.code(), label, amount,
                        discount.reference()));
            }
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
        if (request.explain() && !free) {
            notApplied.add(new DiscountRule.Skipped(FREE_SHIPPING, "Free shipping from "
                    + threshold.amount().toPlainString(), "add " + threshold.minus(goods).amount().toPlainString()
                    + " more for free shipping"));
        }
        return new PricedOrder(lines, rules, itemsAmount, discountAmount, shipping, goods.plus(shipping), notApplied);
    }

    @Override
    public void redeem(DiscountRule.Redemption redemption) {
        for (DiscountRule rule : discounts) {
            rule.redeem(redemption);
        }
    }

    /** The rules in the order the chain runs them. */
    public List<DiscountRule> chain() {
        return discounts;
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
