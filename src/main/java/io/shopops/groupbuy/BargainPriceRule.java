package io.shopops.groupbuy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.shopops.groupbuy.internal.BargainRecord;
import io.shopops.groupbuy.internal.BargainRepository;
import io.shopops.ordering.AppliedRule;
import io.shopops.ordering.DiscountRule;
import io.shopops.ordering.PricingRequest;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.Money;

import org.springframework.stereotype.Component;

/**
 * The bargain price at checkout (a limited-time rule): the owner of an active bargain gets one unit of its SKU at the
 * price the helpers reached — what the line still costs less that price, with the activity's permission to go below
 * cost. Redeeming marks the bargain PURCHASED, once (a conditional UPDATE: a second order with the same bargain undoes
 * its checkout).
 */
@Component
class BargainPriceRule implements DiscountRule {

    static final String CODE = "bargain";
    static final String PREFIX = "bargain:";

    private final BargainRepository bargains;
    private final GroupBuySupport support;

    BargainPriceRule(BargainRepository bargains, GroupBuySupport support) {
        this.bargains = bargains;
        this.support = support;
    }

    @Override
    public Stage stage() {
        return Stage.LIMITED_TIME;
    }

    @Override
    public Evaluation apply(PricingRequest request, List<Money> payable) {
        if (request.customer() == null || request.items().isEmpty()) {
            return Evaluation.none();
        }
        List<BargainRecord> usable = bargains.usable(request.customer(),
                request.items().stream().map(i -> i.sku().id()).toList(), support.now());
        if (usable.isEmpty()) {
            return Evaluation.none();
        }
        List<Discount> discounts = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Set<BargainId> used = new HashSet<>();
        for (int i = 0; i < request.items().size(); i++) {
            PricingRequest.Item item = request.items().get(i);
            BargainRecord bargain = usable.stream().filter(b -> b.skuId().equals(item.sku().id()))
                    .filter(b -> !used.contains(b.id())).findFirst().orElse(null);
            if (bargain == null) {
                continue;
            }
            String label = "Bargain price " + bargain.currentPrice().amount().toPlainString();
            if (item.quantity() != 1) {
                skipped.add(new Skipped(CODE, label, "a bargain buys one unit"));
                continue;
            }
            Money off = payable.get(i).minus(bargain.currentPrice());
            if (!off.isGreaterThan(Money.zero(off.currency()))) {
                skipped.add(new Skipped(CODE, label, "the SKU costs no more than the bargain price now"));
                continue;
            }
            used.add(bargain.id());
            discounts.add(new Discount(CODE, label, off, Set.of(i), PREFIX + bargain.id(),
                    bargain.belowCostAllowed()));
        }
        return new Evaluation(discounts, skipped);
    }

    @Override
    public void redeem(Redemption redemption) {
        for (AppliedRule rule : redemption.applied()) {
            if (rule.reference() == null || !rule.reference().startsWith(PREFIX)) {
                continue;
            }
            BargainId id = new BargainId(Long.parseLong(rule.reference().substring(PREFIX.length())));
            if (!bargains.purchase(id, redemption.customer(), redemption.orderId(), redemption.orderNumber(),
                    support.now())) {
                throw new BusinessRuleException("bargain-unavailable",
                        "bargain %s can no longer be bought (bought already, or its time ran out)".formatted(id));
            }
        }
    }
}
