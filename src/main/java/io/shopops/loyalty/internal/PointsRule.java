package io.shopops.loyalty.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.shopops.loyalty.Points;
import io.shopops.ordering.AppliedRule;
import io.shopops.ordering.DiscountRule;
import io.shopops.ordering.PricingRequest;
import io.shopops.shared.Money;

import org.springframework.stereotype.Component;

/**
 * The price chain's points stage (積分抵扣): the points the customer chose, as far as the spendable balance and the
 * cap on the goods allow, one point a fen; spent in checkout's transaction.
 */
@Component
class PointsRule implements DiscountRule {

    static final String CODE = "POINTS";
    static final String REFERENCE = "points:";

    private final Points points;

    PointsRule(Points points) {
        this.points = points;
    }

    @Override
    public Stage stage() {
        return Stage.POINTS;
    }

    @Override
    public Evaluation apply(PricingRequest request, List<Money> payable) {
        if (request.points() <= 0) {
            return Evaluation.none();
        }
        if (request.customer() == null) {
            return new Evaluation(List.of(), List.of(new Skipped(CODE, "Points", "sign in to use points")));
        }
        long spendable = points.spendable(request.customer());
        Money goods = payable.stream().reduce(Money::plus).orElseThrow();
        // the cap in fen, one point a fen
        long cap = goods.minorUnits() * points.maxRedeemPercent() / 100;
        long use = Math.min(request.points(), Math.min(spendable, cap));
        if (use <= 0) {
            return new Evaluation(List.of(), List.of(new Skipped(CODE, "Points",
                    spendable <= 0 ? "no points to spend" : "nothing left to pay with points")));
        }
        Set<Integer> items = new HashSet<>();
        for (int i = 0; i < payable.size(); i++) {
            if (payable.get(i).minorUnits() > 0) {
                items.add(i);
            }
        }
        List<Skipped> skipped = use < request.points() ? List.of(new Skipped(CODE, "Points",
                "uses " + use + " of the " + request.points() + " points asked for (" + spendable
                        + " spendable, at most " + points.maxRedeemPercent() + " % of the goods)")) : List.of();
        return new Evaluation(List.of(new Discount(CODE, use + " points", points.worth(use), items, REFERENCE + use,
                false)), skipped);
    }

    @Override
    public void redeem(Redemption redemption) {
        long spent = 0;
        for (AppliedRule rule : redemption.applied()) {
            if (rule.reference() != null && rule.reference().startsWith(REFERENCE)) {
                // what the chain took off after the margin floor, one point a fen
                spent += rule.amount().minorUnits() * Points.PER_YUAN / 100;
            }
        }
        if (spent > 0) {
            points.redeem(redemption.orderId(), redemption.orderNumber(), redemption.customer(), spent,
                    redemption.placedAt());
        }
    }
}
