package io.shopops.groupbuy;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.shopops.groupbuy.internal.GroupBuyRepository;
import io.shopops.groupbuy.internal.GroupRecord;
import io.shopops.groupbuy.internal.MemberRecord;
import io.shopops.groupbuy.internal.UsablePlace;
import io.shopops.ordering.AppliedRule;
import io.shopops.ordering.DiscountRule;
import io.shopops.ordering.Orders;
import io.shopops.ordering.PricingRequest;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.Money;

import org.springframework.stereotype.Component;

/**
 * The group price at checkout (a limited-time rule): a customer holding a place that waits for its order gets the
 * activity's SKU at the group price — what the unit still costs less the group price, for one unit, with the
 * activity's permission to go below cost — when the order is that SKU alone, one unit (a group-buy order is
 * cancelled whole if the group fails). Redeeming binds the place to the order (a conditional UPDATE under the group's
 * lock: only while the group gathers and the place is still kept) and puts the order on a payment hold, so that once
 * paid it waits for the group instead of going to fulfilment.
 */
@Component
class GroupBuyPriceRule implements DiscountRule {

    static final String CODE = "group-buy";
    static final String PREFIX = "groupbuy:";

    private final GroupBuyRepository groups;
    private final Orders orders;
    private final GroupBuySupport support;

    GroupBuyPriceRule(GroupBuyRepository groups, Orders orders, GroupBuySupport support) {
        this.groups = groups;
        this.orders = orders;
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
        List<UsablePlace> places = groups.usable(request.customer(),
                request.items().stream().map(i -> i.sku().id()).toList(), support.now());
        if (places.isEmpty()) {
            return Evaluation.none();
        }
        UsablePlace place = places.getFirst();
        String label = "Group buy %s: %s each".formatted(place.activityName(),
                place.groupPrice().amount().toPlainString());
        if (request.items().size() != 1 || request.items().getFirst().quantity() != 1) {
            return Evaluation.skipped(new Skipped(CODE, label,
                    "a group-buy order is one unit of the group's SKU on its own"));
        }
        Money off = payable.getFirst().minus(place.groupPrice());
        if (!off.isGreaterThan(Money.zero(off.currency()))) {
            return Evaluation.skipped(new Skipped(CODE, label, "the SKU costs no more than the group price now"));
        }
        return Evaluation.of(new Discount(CODE, label, off, Set.of(0), PREFIX + place.id(), place.belowCostAllowed()));
    }

    @Override
    public void redeem(Redemption redemption) {
        for (AppliedRule rule : redemption.applied()) {
            if (rule.reference() == null || !rule.reference().startsWith(PREFIX)) {
                continue;
            }
            MembershipId id = new MembershipId(Long.parseLong(rule.reference().substring(PREFIX.length())));
            MemberRecord member = groups.member(id).orElseThrow(() -> unavailable(id));
            Instant now = support.now();
            // the group's lock first, as everything else that changes the group or its members takes it
            if (!groups.lockGroup(member.groupId(), now)
                    || !groups.bind(id, redemption.customer(), redemption.orderId(), redemption.orderNumber(), now)) {
                throw unavailable(id);
            }
            GroupRecord group = groups.group(member.groupId()).orElseThrow();
            orders.holdOnPayment(redemption.orderId(), "group buy #%s: waiting for %d paid members"
                    .formatted(group.id(), group.groupSize()));
        }
    }

    private static BusinessRuleException unavailable(MembershipId id) {
        return new BusinessRuleException("group-buy-unavailable",
                "your place %s in the group is no longer available (the group closed, or the place was used or given up): check the group and order again"
                        .formatted(id));
    }
}
