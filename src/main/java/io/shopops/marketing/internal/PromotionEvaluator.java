package io.shopops.marketing.internal;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import io.shopops.marketing.PromotionKind;
import io.shopops.ordering.DiscountRule;
import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * What one promotion gives a basket: the arithmetic of each kind, shared by the live price chain and the dry run.
 * It works on what each item still costs ({@code payable}, after earlier rules) and on the items' full amounts, and
 * takes off only what it may: a promotion that does not stack leaves items something was already taken off alone.
 */
public final class PromotionEvaluator {

    private PromotionEvaluator() {
    }

    /** The discounts (possibly none) or, when it gives nothing, the reason. */
    public record Outcome(List<DiscountRule.Discount> discounts, DiscountRule.@Nullable Skipped skipped) {

        static Outcome none(PromotionRecord p, String reason) {
            return new Outcome(List.of(), new DiscountRule.Skipped(p.code(), p.name(), reason));
        }
    }

    public static String reference(PromotionRecord p) {
        return "promotion:" + p.id().value();
    }

    /**
     * @param remainingBudget what the promotion may still give away (null: no budget)
     */
    public static Outcome evaluate(PromotionRecord p, Targeting targeting, List<BasketItem> items, List<Money> payable,
            @Nullable Money remainingBudget) {
        List<Integer> eligible = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            BasketItem item = items.get(i);
            boolean untouched = payable.get(i).equals(item.amount());
            if (targeting.covers(item) && payable.get(i).minorUnits() > 0 && (p.stackable() || untouched)) {
                eligible.add(i);
            }
        }
        if (eligible.isEmpty() && p.kind() != PromotionKind.BUNDLE_PRICE) {
            return Outcome.none(p, "no item in the cart is covered by it");
        }
        Outcome outcome = switch (p.kind()) {
            case LIMITED_TIME_DISCOUNT -> limitedTime(p, items, payable, eligible);
            case BUY_X_GET_Y -> buyXGetY(p, items, payable, eligible);
            case BUNDLE_PRICE -> bundle(p, items, payable, targeting, eligible);
            case FULL_REDUCTION -> fullReduction(p, payable, eligible);
            case GIFT -> gift(p, items, payable, eligible);
        };
        return remainingBudget == null ? outcome : capped(p, outcome, remainingBudget);
    }

    private static Outcome limitedTime(PromotionRecord p, List<BasketItem> items, List<Money> payable,
            List<Integer> eligible) {
        Money zero = p.currencyZero();
        if (p.percentOff() != null) {
            Money total = zero;
            for (int i : eligible) {
                total = total.plus(payable.get(i).times(p.percentOff().movePointLeft(2), RoundingMode.DOWN));
            }
            return new Outcome(List.of(discount(p, p.name(), total, Set.copyOf(eligible), false)), null);
        }
        List<DiscountRule.Discount> discounts = new ArrayList<>();
        for (int i : eligible) {
            Money off = p.amountOff().times(items.get(i).quantity());
            discounts.add(discount(p, p.name(), off.isGreaterThan(payable.get(i)) ? payable.get(i) : off, Set.of(i),
                    false));
        }
        return new Outcome(discounts, null);
    }

    /** Of every X + Y units, the Y cheapest are free (by what each unit still costs). */
    private static Outcome buyXGetY(PromotionRecord p, List<BasketItem> items, List<Money> payable,
            List<Integer> eligible) {
        int x = p.buyQuantity();
        int y = p.freeQuantity();
        List<long[]> units = new ArrayList<>();
        int count = 0;
        for (int i : eligible) {
            int quantity = items.get(i).quantity();
            count += quantity;
            units.add(new long[] { i, payable.get(i).minorUnits() / quantity, quantity });
        }
        int free = count / (x + y) * y;
        if (free == 0) {
            return Outcome.none(p, "add " + (x + y - count % (x + y)) + " more of the covered items");
        }
        units.sort(Comparator.comparingLong(u -> u[1]));
        List<DiscountRule.Discount> discounts = new ArrayList<>();
        for (long[] unit : units) {
            if (free == 0) {
                break;
            }
            int index = (int) unit[0];
            int here = (int) Math.min(free, unit[2]);
            free -= here;
            Money off = here == unit[2] ? payable.get(index) : Money.ofMinor(unit[1] * here, p.spent().currency());
            discounts.add(discount(p, p.name(), off, Set.of(index), false));
        }
        return new Outcome(discounts, null);
    }

    /** Complete sets of the bundle's SKUs cost the bundle price. */
    private static Outcome bundle(PromotionRecord p, List<BasketItem> items, List<Money> payable, Targeting targeting,
            List<Integer> eligible) {
        int sets = Integer.MAX_VALUE;
        for (Long sku : targeting.ids()) {
            int index = indexOf(items, sku);
            if (index < 0 || !eligible.contains(index)) {
                return Outcome.none(p, "add every item of the set to the cart");
            }
            sets = Math.min(sets, items.get(index).quantity());
        }
        long setValue = 0;
        for (int i : eligible) {
            setValue += payable.get(i).minorUnits() / items.get(i).quantity();
        }
        long off = (setValue - p.bundlePrice().minorUnits()) * sets;
        if (off <= 0) {
            return Outcome.none(p, "the items already cost less than the set price");
        }
        return new Outcome(List.of(discount(p, p.name(), Money.ofMinor(off, p.spent().currency()),
                Set.copyOf(eligible), false)), null);
    }

    private static int indexOf(List<BasketItem> items, long sku) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).skuId() == sku) {
                return i;
            }
        }
        return -1;
    }

    /** The highest tier the covered goods reach; below the lowest, how much more it takes. */
    private static Outcome fullReduction(PromotionRecord p, List<Money> payable, List<Integer> eligible) {
        Money goods = sum(p, payable, eligible);
        PromotionRecord.Tier reached = null;
        for (PromotionRecord.Tier tier : p.tiers()) {
            if (goods.compareTo(tier.threshold()) >= 0 && (reached == null
                    || tier.threshold().isGreaterThan(reached.threshold()))) {
                reached = tier;
            }
        }
        if (reached == null) {
            PromotionRecord.Tier lowest = p.tiers().stream().min(Comparator.comparing(PromotionRecord.Tier::threshold))
                    .orElseThrow();
            return Outcome.none(p, "add " + lowest.threshold().minus(goods).amount().toPlainString() + " more for "
                    + lowest.amountOff().amount().toPlainString() + " off");
        }
        String label = p.name() + " (" + reached.threshold().amount().toPlainString() + "−"
                + reached.amountOff().amount().toPlainString() + ")";
        return new Outcome(List.of(discount(p, label, reached.amountOff(), Set.copyOf(eligible), false)), null);
    }

    /** The gift SKU is free once the covered goods (the gift left out) reach the threshold; a gift is below cost. */
    private static Outcome gift(PromotionRecord p, List<BasketItem> items, List<Money> payable, List<Integer> eligible) {
        int giftIndex = indexOf(items, p.giftSkuId());
        List<Integer> goodsItems = eligible.stream().filter(i -> i != giftIndex).toList();
        Money goods = sum(p, payable, goodsItems);
        if (goods.compareTo(p.threshold()) < 0) {
            return Outcome.none(p, "add " + p.threshold().minus(goods).amount().toPlainString()
                    + " more to get the gift");
        }
        if (giftIndex < 0) {
            return Outcome.none(p, "add the gift to the cart: it is free");
        }
        Money unit = Money.ofMinor(payable.get(giftIndex).minorUnits() / items.get(giftIndex).quantity(),
                p.spent().currency());
        return new Outcome(List.of(discount(p, p.name(), unit, Set.of(giftIndex), true)), null);
    }

    private static Money sum(PromotionRecord p, List<Money> payable, List<Integer> indexes) {
        Money total = p.currencyZero();
        for (int i : indexes) {
            total = total.plus(payable.get(i));
        }
        return total;
    }

    private static DiscountRule.Discount discount(PromotionRecord p, String label, Money amount, Set<Integer> items,
            boolean gift) {
        return new DiscountRule.Discount(p.code(), label, amount, items, reference(p), gift || p.belowCostAllowed());
    }

    /** Never more than the budget still allows: the last order gets what is left, then the promotion ends. */
    private static Outcome capped(PromotionRecord p, Outcome outcome, Money remaining) {
        List<DiscountRule.Discount> capped = new ArrayList<>();
        long left = Math.max(0, remaining.minorUnits());
        for (DiscountRule.Discount d : outcome.discounts()) {
            long amount = Math.min(left, d.amount().minorUnits());
            left -= amount;
            if (amount > 0) {
                capped.add(new DiscountRule.Discount(d.code(), d.label(), Money.ofMinor(amount, d.amount().currency()),
                        d.items(), d.reference(), d.belowCostAllowed()));
            }
        }
        if (capped.isEmpty() && !outcome.discounts().isEmpty()) {
            return Outcome.none(p, "its budget is spent");
        }
        return new Outcome(capped, outcome.skipped());
    }
}
