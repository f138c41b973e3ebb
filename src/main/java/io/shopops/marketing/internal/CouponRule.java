package io.shopops.marketing.internal;

import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.shopops.catalog.Categories;
import io.shopops.catalog.CategoryView;
import io.shopops.marketing.CouponKind;
import io.shopops.marketing.CouponTemplateId;
import io.shopops.marketing.TargetScope;
import io.shopops.ordering.AppliedRule;
import io.shopops.ordering.DiscountRule;
import io.shopops.ordering.PricingRequest;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.Money;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The coupon stage of the price chain: the codes the customer chose, each a coupon the customer holds or a
 * template's shared code (claimed when the order is placed). At checkout a held coupon is used by a conditional
 * update from AVAILABLE; a shared code issues and uses one within the template's total and the customer's limit.
 * Either refusal (another checkout used the coupon meanwhile) undoes the checkout.
 */
public class CouponRule implements DiscountRule {

    static final String COUPON = "coupon:";
    static final String TEMPLATE = "coupon-template:";

    private final CouponRepository coupons;
    private final Categories categories;
    private final CampaignGate campaigns;
    private final TransactionTemplate savepoint;
    private final Clock clock;

    public CouponRule(CouponRepository coupons, Categories categories, CampaignGate campaigns,
            TransactionTemplate savepoint, Clock clock) {
        this.coupons = coupons;
        this.categories = categories;
        this.campaigns = campaigns;
        this.savepoint = savepoint;
        this.clock = clock;
    }

    @Override
    public Stage stage() {
        return Stage.COUPON;
    }

    @Override
    public Evaluation apply(PricingRequest request, List<Money> payable) {
        if (request.couponCodes().isEmpty()) {
            return Evaluation.none();
        }
        Instant now = clock.instant();
        List<BasketItem> items = request.items().stream().map(i -> BasketItem.of(i.sku(), i.quantity())).toList();
        List<Money> left = new ArrayList<>(payable);
        List<Discount> discounts = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Set<CouponTemplateId> used = new HashSet<>();
        List<CategoryView> tree = null;
        for (String typed : request.couponCodes()) {
            String code = typed.trim();
            if (request.customer() == null) {
                skipped.add(new Skipped(code, code, "sign in to use coupons"));
                continue;
            }
            long customer = request.customer().value();
            Optional<CouponRecord> coupon = coupons.couponByCode(code).filter(c -> c.customerId() == customer);
            CouponTemplateRecord template;
            String reference;
            if (coupon.isPresent()) {
                CouponRecord c = coupon.get();
                template = coupons.template(c.templateId()).orElseThrow();
                String refused = switch (c.status()) {
                    case "USED" -> "already used";
                    case "VOID" -> "withdrawn by the shop";
                    default -> now.isBefore(c.validFrom()) ? "not valid yet"
                            : !now.isBefore(c.validUntil()) ? "expired" : null;
                };
                if (refused != null) {
                    skipped.add(new Skipped(code, template.name(), refused));
                    continue;
                }
                reference = COUPON + c.id();
            } else {
                Optional<CouponTemplateRecord> shared = coupons.templateByCode(code);
                if (shared.isEmpty()) {
                    skipped.add(new Skipped(code, code, "no such coupon"));
                    continue;
                }
                template = shared.get();
                String refused = !template.issuingAt(now) ? "not available now"
                        : template.issued() >= template.totalQuantity() ? "all taken"
                        : coupons.held(template.id(), customer) >= template.perCustomerLimit()
                                ? "already claimed the most per customer"
                        : campaigns.refusal(template.campaignCode(), customer);
                if (refused != null) {
                    skipped.add(new Skipped(code, template.name(), refused));
                    continue;
                }
                reference = TEMPLATE + template.id().value();
            }
            if (!used.add(template.id())) {
                skipped.add(new Skipped(code, template.name(), "one coupon of this kind per order"));
                continue;
            }
            if (template.scope() == TargetScope.CATEGORIES && tree == null) {
                tree = categories.all();
            }
            Targeting targeting = Targeting.of(template.scope(), template.targetIds(), tree == null ? List.of() : tree);
            Set<Integer> eligible = new HashSet<>();
            Money goods = Money.zero(template.threshold().currency());
            for (int i = 0; i < items.size(); i++) {
                boolean untouched = left.get(i).equals(items.get(i).amount());
                if (targeting.covers(items.get(i)) && left.get(i).minorUnits() > 0
                        && (template.stacksWithPromotions() || untouched)) {
                    eligible.add(i);
                    goods = goods.plus(left.get(i));
                }
            }
            if (eligible.isEmpty()) {
                skipped.add(new Skipped(code, template.name(), "no item in the cart is covered by it"));
                continue;
            }
            if (goods.compareTo(template.threshold()) < 0) {
                skipped.add(new Skipped(code, template.name(), "spend " + template.threshold().minus(goods).amount()
                        .toPlainString() + " more on covered items"));
                continue;
            }
            Money amount = template.kind() == CouponKind.FIXED_AMOUNT ? template.amountOff()
                    : goods.times(template.percentOff().movePointLeft(2), RoundingMode.DOWN);
            if (template.maxDiscount() != null && amount.isGreaterThan(template.maxDiscount())) {
                amount = template.maxDiscount();
            }
            if (amount.isGreaterThan(goods)) {
                amount = goods;
            }
            Discount discount = new Discount(code, template.name(), amount, eligible, reference,
                    template.belowCostAllowed());
            discounts.add(discount);
            BasketItem.takeOff(left, discount);
        }
        return new Evaluation(discounts, skipped);
    }

    @Override
    public void redeem(Redemption redemption) {
        long customer = redemption.customer().value();
        long order = redemption.orderId().value();
        Instant now = redemption.placedAt();
        for (AppliedRule rule : redemption.applied()) {
            String reference = rule.reference();
            if (reference == null) {
                continue;
            }
            if (reference.startsWith(COUPON)) {
                long id = Long.parseLong(reference.substring(COUPON.length()));
                if (!coupons.use(id, customer, order, rule.amount().amount(), now)) {
                    throw new BusinessRuleException("coupon-unavailable", "couponCodes",
                            "coupon " + rule.code() + " was used or expired meanwhile");
                }
            } else if (reference.startsWith(TEMPLATE)) {
                CouponTemplateId template = new CouponTemplateId(
                        Long.parseLong(reference.substring(TEMPLATE.length())));
                CouponTemplateRecord t = coupons.template(template).orElseThrow();
                if (!coupons.takeOne(template)) {
                    throw new BusinessRuleException("coupon-unavailable", "couponCodes",
                            "coupon " + rule.code() + " is all taken");
                }
                hold(t, customer);
                Instant[] validity = t.validity(now);
                long id = coupons.insertCoupon(template, customer, "CODE", now, validity[0], validity[1]);
                if (!coupons.use(id, customer, order, rule.amount().amount(), now)) {
                    throw new BusinessRuleException("coupon-unavailable", "couponCodes",
                            "coupon " + rule.code() + " is not valid now");
                }
            }
        }
    }

    /** Counts a coupon against the customer's limit; 422 at the limit. */
    public void hold(CouponTemplateRecord template, long customer) {
        String outside = campaigns.refusal(template.campaignCode(), customer);
        if (outside != null) {
            throw new BusinessRuleException("not-in-campaign-audience", "templateId", outside);
        }
        try {
            savepoint.executeWithoutResult(s -> coupons.ensureHolding(template.id(), customer));
        } catch (DuplicateKeyException raced) {
            // created by a parallel claim of the same customer
        }
        if (!coupons.hold(template.id(), customer, template.perCustomerLimit())) {
            throw new BusinessRuleException("coupon-limit-reached", "templateId",
                    "at most " + template.perCustomerLimit() + " coupon(s) of \"" + template.name() + "\" per customer");
        }
    }
}
