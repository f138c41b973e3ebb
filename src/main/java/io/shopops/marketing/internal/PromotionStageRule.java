package io.shopops.marketing.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shopops.marketing.CustomerAudience;
import io.shopops.marketing.PromotionId;
import io.shopops.marketing.PromotionStatus;
import io.shopops.ordering.AppliedRule;
import io.shopops.ordering.DiscountRule;
import io.shopops.ordering.PricingRequest;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.Money;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The promotions of one stage of the price chain (limited-time: discounts, buy X get Y, bundles; full reduction:
 * tiers and gifts), highest priority first, each seeing what the ones before it left. At checkout it spends what
 * the order got: the budget and the customer's uses, by conditional updates; a refusal (a parallel checkout took
 * the last of the budget) undoes the checkout with 422, and the customer sees the new price on the next try.
 */
public class PromotionStageRule implements DiscountRule {

    private final Stage stage;
    private final ActivePromotions active;
    private final PromotionRepository promotions;
    private final CustomerAudience audience;
    private final CampaignGate campaigns;
    private final TransactionTemplate savepoint;
    private final Clock clock;

    public PromotionStageRule(Stage stage, ActivePromotions active, PromotionRepository promotions,
            CustomerAudience audience, CampaignGate campaigns, TransactionTemplate savepoint, Clock clock) {
        this.stage = stage;
        this.active = active;
        this.promotions = promotions;
        this.audience = audience;
        this.campaigns = campaigns;
        this.savepoint = savepoint;
        this.clock = clock;
    }

    @Override
    public Stage stage() {
        return stage;
    }

    @Override
    public Evaluation apply(PricingRequest request, List<Money> payable) {
        Instant now = clock.instant();
        List<ActivePromotions.Compiled> running = new ArrayList<>();
        for (ActivePromotions.Compiled rule : active.current()) {
            if (rule.promotion().kind().stage() == stage
                    && rule.promotion().statusAt(now) != PromotionStatus.SCHEDULED) {
                running.add(rule);
            }
        }
        if (running.isEmpty()) {
            return Evaluation.none();
        }
        List<BasketItem> items = request.items().stream().map(i -> BasketItem.of(i.sku(), i.quantity())).toList();
        Map<PromotionId, Integer> uses = request.customer() == null ? Map.of()
                : promotions.uses(request.customer().value(), running.stream()
                        .filter(r -> r.promotion().perCustomerLimit() != null).map(r -> r.promotion().id()).toList());
        Map<PromotionId, BigDecimal> spent = promotions.spent(running.stream()
                .filter(r -> r.promotion().budget() != null).map(r -> r.promotion().id()).toList());
        List<Money> left = new ArrayList<>(payable);
        List<Discount> discounts = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        // the campaign gate's answer per campaign code, read once per calculation (several promotions share a code)
        Map<String, java.util.Optional<String>> gate = new java.util.HashMap<>();
        for (ActivePromotions.Compiled rule : running) {
            PromotionRecord p = rule.promotion();
            String refused = refusal(p, request, uses, gate, now);
            if (refused != null) {
                skipped.add(new Skipped(p.code(), p.name(), refused));
                continue;
            }
            Money remaining = p.budget() == null ? null
                    : p.budget().minus(Money.of(spent.getOrDefault(p.id(), p.spent().amount()), p.budget().currency()));
            PromotionEvaluator.Outcome outcome = PromotionEvaluator.evaluate(p, rule.targeting(), items, left, remaining);
            if (outcome.skipped() != null) {
                skipped.add(outcome.skipped());
            }
            for (Discount discount : outcome.discounts()) {
                discounts.add(discount);
                BasketItem.takeOff(left, discount);
            }
        }
        return new Evaluation(discounts, skipped);
    }

    private @org.jspecify.annotations.Nullable String refusal(PromotionRecord p, PricingRequest request,
            Map<PromotionId, Integer> uses, Map<String, java.util.Optional<String>> gate, Instant now) {
        if (p.statusAt(now) != PromotionStatus.RUNNING) {
            return "it has ended";
        }
        if (!p.channels().isEmpty() && !p.channels().contains(request.channel())) {
            return "not on this channel";
        }
        if (!p.customerTiers().isEmpty() && (request.customer() == null
                || !audience.inTier(request.customer(), p.customerTiers()))) {
            return "for members of " + String.join(", ", p.customerTiers()) + " only";
        }
        if (p.segmentId() != null && (request.customer() == null
                || !audience.inSegment(request.customer(), p.segmentId()))) {
            return "for selected customers only";
        }
        if (p.campaignCode() != null) {
            java.util.Optional<String> campaign = gate.computeIfAbsent(p.campaignCode().toUpperCase(java.util.Locale.ROOT),
                    code -> java.util.Optional.ofNullable(campaigns.refusal(p.campaignCode(),
                            request.customer() == null ? null : request.customer().value())));
            if (campaign.isPresent()) {
                return campaign.get();
            }
        }
        if (p.perCustomerLimit() != null && uses.getOrDefault(p.id(), 0) >= p.perCustomerLimit()) {
            return "already used " + p.perCustomerLimit() + " time(s), the most per customer";
        }
        return null;
    }

    @Override
    public void redeem(Redemption redemption) {
        Map<PromotionId, BigDecimal> amounts = new LinkedHashMap<>();
        for (AppliedRule rule : redemption.applied()) {
            if (rule.reference() != null && rule.reference().startsWith("promotion:")) {
                PromotionId id = new PromotionId(Long.parseLong(rule.reference().substring("promotion:".length())));
                amounts.merge(id, rule.amount().amount(), BigDecimal::add);
            }
        }
        for (Map.Entry<PromotionId, BigDecimal> entry : amounts.entrySet()) {
            PromotionRecord p = promotions.find(entry.getKey()).orElse(null);
            if (p == null || p.kind().stage() != stage) {
                continue;
            }
            if (p.budget() != null && !promotions.spend(p.id(), entry.getValue())) {
                // this node's view of the budget was behind: read it again before the customer's next try
                active.invalidate();
                throw new BusinessRuleException("promotion-budget-spent", "lines",
                        "promotion " + p.code() + " has spent its budget meanwhile: review the new price");
            }
            long customer = redemption.customer().value();
            if (p.perCustomerLimit() != null) {
                try {
                    savepoint.executeWithoutResult(s -> promotions.ensureUsage(p.id(), customer));
                } catch (DuplicateKeyException raced) {
                    // a parallel checkout of the same customer created the row: count on it
                }
                if (!promotions.use(p.id(), customer, p.perCustomerLimit())) {
                    active.invalidate();
                    throw new BusinessRuleException("promotion-limit-reached", "lines",
                            "promotion " + p.code() + " is limited to " + p.perCustomerLimit() + " order(s) per customer");
                }
            }
            promotions.recordRedemption(p.id(), redemption.orderId().value(), customer, entry.getValue(),
                    redemption.placedAt());
        }
    }
}
