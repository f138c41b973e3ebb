package io.shopops.marketing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.shopops.audit.AuditLog;
import io.shopops.customer.CustomerId;
import io.shopops.customer.Customers;
import io.shopops.marketing.internal.CouponRecord;
import io.shopops.marketing.internal.CouponRepository;
import io.shopops.marketing.internal.CouponRule;
import io.shopops.marketing.internal.CouponTemplateRecord;
import io.shopops.shared.Actors;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.ConflictException;
import io.shopops.shared.DomainException;
import io.shopops.shared.Money;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.ShopProperties;
import io.shopops.shared.Violations;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Coupons (優惠券) for the operations team: templates (fixed amount or percentage with a cap, a threshold, a scope,
 * absolute or relative validity, a total and a per-customer limit), activation, bulk issue to a list of customers,
 * and what became of them (issued, claimed, used, expired, cost).
 */
@Service
public class Coupons {

    public static final int MAX_BULK = 10_000;

    private final CouponRepository coupons;
    private final CouponRule rule;
    private final Customers customers;
    private final AuditLog audit;
    private final ShopProperties shop;
    private final Clock clock;
    private final TransactionTemplate savepoint;
    private final CustomerAudience audience;

    Coupons(CouponRepository coupons, CouponRule rule, Customers customers, AuditLog audit, ShopProperties shop,
            Clock clock, PlatformTransactionManager transactions, CustomerAudience audience) {
        this.coupons = coupons;
        this.rule = rule;
        this.customers = customers;
        this.audience = audience;
        this.audit = audit;
        this.shop = shop;
        this.clock = clock;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Transactional
    public CouponTemplateView create(NewCouponTemplate template) {
        Instant now = now();
        CouponTemplateRecord checked = check(template, new CouponTemplateId(0), Actors.current().username(), now, 0);
        if (checked.redeemCode() != null && coupons.redeemCodeTaken(checked.redeemCode(), null)) {
            throw new ConflictException("redeemCode", "code " + checked.redeemCode() + " is already used");
        }
        CouponTemplateId id = coupons.insert(checked);
        CouponTemplateView view = template(id);
        audit.record("COUPON_TEMPLATE_CREATED", "coupon-template", id, view.name(), null, view);
        return view;
    }

    @Transactional
    public CouponTemplateView update(CouponTemplateId id, NewCouponTemplate template, long expectedVersion) {
        CouponTemplateRecord before = record(id);
        if (before.status() != CouponTemplateStatus.DRAFT) {
            throw new BusinessRuleException("coupon-template-not-draft", "only a draft can be changed");
        }
        CouponTemplateRecord checked = check(template, id, before.createdBy(), before.createdAt(), before.version());
        if (checked.redeemCode() != null && coupons.redeemCodeTaken(checked.redeemCode(), id)) {
            throw new ConflictException("redeemCode", "code " + checked.redeemCode() + " is already used");
        }
        if (!coupons.updateDraft(id, checked, expectedVersion, now())) {
            throw new ConflictException("version", "the template was changed meanwhile: reload it");
        }
        CouponTemplateView after = template(id);
        audit.record("COUPON_TEMPLATE_UPDATED", "coupon-template", id, after.name(), view(before), after);
        return after;
    }

    /** DRAFT → ACTIVE: claimable and issuable within its issue window. */
    @Transactional
    public CouponTemplateView activate(CouponTemplateId id, long expectedVersion) {
        return move(id, CouponTemplateStatus.DRAFT, CouponTemplateStatus.ACTIVE, expectedVersion,
                "COUPON_TEMPLATE_ACTIVATED");
    }

    /** ACTIVE → STOPPED: no more issued; coupons already held stay valid. */
    @Transactional
    public CouponTemplateView stop(CouponTemplateId id, long expectedVersion) {
        return move(id, CouponTemplateStatus.ACTIVE, CouponTemplateStatus.STOPPED, expectedVersion,
                "COUPON_TEMPLATE_STOPPED");
    }

    private CouponTemplateView move(CouponTemplateId id, CouponTemplateStatus from, CouponTemplateStatus to,
            long expectedVersion, String action) {
        CouponTemplateRecord before = record(id);
        if (before.status() != from) {
            throw new BusinessRuleException("illegal-transition", "status",
                    "a " + before.status() + " template cannot become " + to);
        }
        if (!coupons.move(id, from, to, expectedVersion, now())) {
            throw new ConflictException("version", "the template was changed meanwhile: reload it");
        }
        CouponTemplateView after = template(id);
        audit.record(action, "coupon-template", id, after.name(), view(before), after);
        return after;
    }

    /** What a bulk issue did: each customer issued a coupon, or why not. */
    public record IssueResult(int requested, int issued, List<Refusal> refused) {

        public record Refusal(long customerId, String reason) {
        }
    }

    /**
     * Issues one coupon to each listed customer (at most {@value #MAX_BULK}), within the template's total and each
     * customer's limit; a customer who cannot get one is listed with the reason, the others get theirs. 400 naming
     * {@code customerIds} for an empty or too long list.
     */
    @Transactional
    public IssueResult issue(CouponTemplateId id, @Nullable List<Long> customerIds) {
        Violations v = new Violations();
        if (customerIds == null || customerIds.isEmpty()) {
            v.add("customerIds", "must name at least one customer");
        } else if (customerIds.size() > MAX_BULK) {
            v.add("customerIds", "must name at most " + MAX_BULK + " customers");
        } else {
            for (int i = 0; i < customerIds.size(); i++) {
                v.check(customerIds.get(i) != null && customerIds.get(i) > 0, "customerIds[" + i + "]",
                        "must be a customer id");
            }
        }
        v.throwIfAny();
        CouponTemplateRecord template = record(id);
        Instant now = now();
        if (!template.issuingAt(now)) {
            throw new BusinessRuleException("coupon-not-issuing", "templateId",
                    "the template is not issuing now (status " + template.status() + ", window "
                            + template.issueFrom() + " – " + template.issueUntil() + ")");
        }
        Set<Long> distinct = new LinkedHashSet<>(customerIds);
        Set<Long> known = customers.existing(distinct.stream().map(CustomerId::new).toList()).stream()
                .map(CustomerId::value).collect(java.util.stream.Collectors.toSet());
        List<IssueResult.Refusal> refused = new ArrayList<>();
        int issued = 0;
        for (long customer : distinct) {
            if (!known.contains(customer)) {
                refused.add(new IssueResult.Refusal(customer, "no such customer"));
                continue;
            }
            try {
                savepoint.executeWithoutResult(s -> issueOne(template, customer, "BULK", now));
                issued++;
            } catch (DomainException refusal) {
                refused.add(new IssueResult.Refusal(customer, refusal.getMessage()));
            }
        }
        audit.record("COUPONS_ISSUED", "coupon-template", id, issued + " issued to " + distinct.size()
                + " customers", null, null);
        return new IssueResult(customerIds.size(), issued, refused);
    }

    /**
     * Issues one coupon to each member of a customer segment as it is now, {@value #MAX_BULK} at a time; 422
     * {@code segments-unavailable} until the customer module provides segments (the seam).
     */
    @Transactional
    public IssueResult issueToSegment(CouponTemplateId id, @Nullable Long segmentId) {
        Violations v = new Violations();
        v.check(segmentId != null, "segmentId", "is required");
        v.throwIfAny();
        if (!audience.available()) {
            throw new BusinessRuleException("segments-unavailable", "segmentId",
                    "customer segments are not available yet");
        }
        List<Long> members = audience.segmentMembers(segmentId).stream().map(CustomerId::value).toList();
        if (members.isEmpty()) {
            throw new BusinessRuleException("segment-empty", "segmentId", "the segment has no members now");
        }
        int issued = 0;
        List<IssueResult.Refusal> refused = new ArrayList<>();
        for (int from = 0; from < members.size(); from += MAX_BULK) {
            IssueResult part = issue(id, members.subList(from, Math.min(members.size(), from + MAX_BULK)));
            issued += part.issued();
            refused.addAll(part.refused());
        }
        return new IssueResult(members.size(), issued, refused);
    }

    /** Issues one coupon (the template's total, the customer's limit) and returns its id. */
    long issueOne(CouponTemplateRecord template, long customer, String source, Instant now) {
        if (!coupons.takeOne(template.id())) {
            throw new BusinessRuleException("coupon-sold-out", "templateId", "all coupons of this kind are taken");
        }
        rule.hold(template, customer);
        Instant[] validity = template.validity(now);
        return coupons.insertCoupon(template.id(), customer, source, now, validity[0], validity[1]);
    }

    /** Withdraws an unused coupon (VOID). */
    @Transactional
    public void voidCoupon(long couponId) {
        CouponRecord coupon = coupons.coupon(couponId).orElseThrow(() -> NotFoundException.of("Coupon", couponId));
        if (!coupons.voidCoupon(couponId)) {
            throw new BusinessRuleException("illegal-transition", "status", "only an unused coupon can be withdrawn");
        }
        audit.record("COUPON_VOIDED", "coupon", couponId, coupon.code(), null, null);
    }

    @Transactional(readOnly = true)
    public CouponTemplateView template(CouponTemplateId id) {
        return view(record(id));
    }

    @Transactional(readOnly = true)
    public Page<CouponTemplateView> find(@Nullable CouponTemplateStatus status, @Nullable String text,
            PageQuery page) {
        Page<CouponTemplateRecord> found = coupons.find(status, text, page);
        Map<CouponTemplateId, long[]> stats = coupons.stats(found.items().stream().map(CouponTemplateRecord::id)
                .toList(), now());
        return Page.of(found.items().stream().map(t -> view(t, stats.get(t.id()))).toList(), page,
                found.totalItems());
    }

    @Transactional(readOnly = true)
    public Page<CouponView> coupons(CouponTemplateId id, PageQuery page) {
        CouponTemplateRecord template = record(id);
        Page<CouponRecord> found = coupons.ofTemplate(id, page);
        Instant now = now();
        return Page.of(found.items().stream().map(c -> CustomerCoupons.view(c, template, now)).toList(), page,
                found.totalItems());
    }

    CouponTemplateRecord record(CouponTemplateId id) {
        return coupons.template(id).orElseThrow(() -> NotFoundException.of("Coupon template", id));
    }

    private CouponTemplateView view(CouponTemplateRecord t) {
        return view(t, coupons.stats(List.of(t.id()), now()).get(t.id()));
    }

    private CouponTemplateView view(CouponTemplateRecord t, long @Nullable [] s) {
        long[] n = s == null ? new long[7] : s;
        CouponTemplateView.Stats stats = new CouponTemplateView.Stats(n[0], n[1], n[2], n[3], n[4], n[5],
                Money.ofMinor(n[6], t.threshold().currency()), n[0] == 0 ? 0 : (double) n[2] / n[0]);
        return new CouponTemplateView(t.id(), t.name(), t.description(), t.redeemCode(), t.kind(), t.amountOff(),
                t.percentOff(), t.maxDiscount(), t.threshold(), t.scope(), t.targetIds(), t.stacksWithPromotions(),
                t.belowCostAllowed(), t.claimable(), t.issueFrom(), t.issueUntil(), t.validFrom(), t.validUntil(),
                t.validDays(), t.totalQuantity(), t.perCustomerLimit(), t.status(), t.campaignCode(), stats,
                t.createdBy(), t.createdAt(), t.updatedAt(), t.version());
    }

    // --- validation ----------------------------------------------------------------------------------------

    private CouponTemplateRecord check(NewCouponTemplate t, CouponTemplateId id, String createdBy, Instant now,
            long version) {
        Violations v = new Violations();
        v.text("name", t.name(), true, 200);
        v.multilineText("description", t.description(), false, 2000);
        if (t.redeemCode() != null && !t.redeemCode().isBlank()) {
            v.code("redeemCode", t.redeemCode().trim());
        }
        v.check(t.kind() != null, "kind", "is required");
        if (t.kind() == CouponKind.FIXED_AMOUNT) {
            positive(v, "amountOff", t.amountOff());
            v.check(t.percentOff() == null, "percentOff", "does not apply to a FIXED_AMOUNT coupon");
            v.check(t.maxDiscount() == null, "maxDiscount", "does not apply to a FIXED_AMOUNT coupon");
        } else if (t.kind() == CouponKind.PERCENT) {
            v.check(t.amountOff() == null, "amountOff", "does not apply to a PERCENT coupon");
            v.check(t.percentOff() != null && t.percentOff().signum() > 0
                    && t.percentOff().compareTo(BigDecimal.valueOf(100)) < 0
                    && t.percentOff().stripTrailingZeros().scale() <= 2, "percentOff",
                    "must be more than 0 and less than 100, with at most 2 decimals");
            if (t.maxDiscount() != null) {
                positive(v, "maxDiscount", t.maxDiscount());
            }
        }
        BigDecimal threshold = t.threshold() == null ? BigDecimal.ZERO : t.threshold();
        v.amount("threshold", threshold, shop.currency());
        if (t.kind() == CouponKind.FIXED_AMOUNT && t.amountOff() != null && threshold.signum() > 0
                && t.amountOff().compareTo(threshold) > 0) {
            v.add("amountOff", "must not exceed the threshold");
        }
        v.check(t.scope() != null, "scope", "is required");
        List<Long> targets = t.targetIds() == null ? List.of() : t.targetIds();
        if (t.scope() == TargetScope.ALL) {
            v.check(targets.isEmpty(), "targetIds", "must be empty when the scope is ALL");
        } else if (t.scope() != null) {
            v.check(!targets.isEmpty() && targets.size() <= PromotionDefinitions.MAX_TARGETS, "targetIds",
                    "must name 1 to " + PromotionDefinitions.MAX_TARGETS + " targets for scope " + t.scope());
            for (int i = 0; i < targets.size(); i++) {
                v.check(targets.get(i) != null && targets.get(i) > 0, "targetIds[" + i + "]", "must be an id");
            }
        }
        v.check(t.issueFrom() != null, "issueFrom", "is required");
        v.check(t.issueUntil() != null, "issueUntil", "is required");
        if (t.issueFrom() != null && t.issueUntil() != null) {
            v.check(t.issueUntil().isAfter(t.issueFrom()), "issueUntil", "must be after issueFrom");
            v.check(Duration.between(t.issueFrom(), t.issueUntil()).toDays() <= 366, "issueUntil",
                    "must be at most 366 days after issueFrom");
        }
        if ((t.validUntil() == null) == (t.validDays() == null)) {
            v.add("validUntil", "give exactly one of validUntil (absolute) and validDays (relative)");
        } else if (t.validDays() != null) {
            v.check(t.validDays() >= 1 && t.validDays() <= 366, "validDays", "must be between 1 and 366");
            v.check(t.validFrom() == null, "validFrom", "does not apply to a relative validity");
        } else {
            if (t.validFrom() != null) {
                v.check(t.validUntil().isAfter(t.validFrom()), "validUntil", "must be after validFrom");
            }
            if (t.issueFrom() != null) {
                v.check(t.validUntil().isAfter(t.issueFrom()), "validUntil", "must be after issueFrom");
            }
        }
        v.check(t.totalQuantity() != null && t.totalQuantity() >= 1 && t.totalQuantity() <= 10_000_000,
                "totalQuantity", "must be between 1 and 10000000");
        v.check(t.perCustomerLimit() == null || (t.perCustomerLimit() >= 1 && t.perCustomerLimit() <= 100),
                "perCustomerLimit", "must be between 1 and 100");
        if (t.campaignCode() != null && !t.campaignCode().isBlank()) {
            v.code("campaignCode", t.campaignCode().trim());
        }
        v.throwIfAny();
        return new CouponTemplateRecord(id, t.name().trim(), blank(t.description()), blank(t.redeemCode()), t.kind(),
                money(t.amountOff()), t.percentOff(), money(t.maxDiscount()), Money.of(threshold, shop.currency()),
                t.scope(), t.scope() == TargetScope.ALL ? List.of() : targets, !Boolean.FALSE.equals(t.stacksWithPromotions()),
                Boolean.TRUE.equals(t.belowCostAllowed()), Boolean.TRUE.equals(t.claimable()), t.issueFrom(), t.issueUntil(), t.validFrom(), t.validUntil(),
                t.validDays(), t.totalQuantity(), 0, t.perCustomerLimit() == null ? 1 : t.perCustomerLimit(),
                CouponTemplateStatus.DRAFT, blank(t.campaignCode()), createdBy, now, now, version);
    }

    private void positive(Violations v, String field, @Nullable BigDecimal value) {
        if (value == null) {
            v.add(field, "is required");
            return;
        }
        int before = v.list().size();
        v.amount(field, value, shop.currency());
        if (v.list().size() == before && value.signum() <= 0) {
            v.add(field, "must be more than 0");
        }
    }

    private @Nullable Money money(@Nullable BigDecimal amount) {
        return amount == null ? null : Money.of(amount, shop.currency());
    }

    private static @Nullable String blank(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
