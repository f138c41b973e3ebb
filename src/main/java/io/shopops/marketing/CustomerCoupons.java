package io.shopops.marketing;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.shopops.customer.CustomerId;
import io.shopops.marketing.internal.CouponRecord;
import io.shopops.marketing.internal.CouponRepository;
import io.shopops.marketing.internal.CouponTemplateRecord;
import io.shopops.ordering.OrderId;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.Violations;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The customer's side of coupons: the coupon centre (領券中心), claiming one, and the coupons one holds. */
@Service
public class CustomerCoupons {

    private final CouponRepository coupons;
    private final Coupons staff;
    private final Clock clock;

    CustomerCoupons(CouponRepository coupons, Coupons staff, Clock clock) {
        this.coupons = coupons;
        this.staff = staff;
        this.clock = clock;
    }

    /** A template customers may claim now, with how many are left. */
    public record Claimable(CouponTemplateId templateId, String name, @Nullable String description, CouponKind kind,
            io.shopops.shared.@Nullable Money amountOff, java.math.@Nullable BigDecimal percentOff,
            io.shopops.shared.@Nullable Money maxDiscount, io.shopops.shared.Money threshold, TargetScope scope,
            Instant claimUntil, int left) {
    }

    @Transactional(readOnly = true)
    public List<Claimable> claimable() {
        return coupons.claimable(now()).stream().map(t -> new Claimable(t.id(), t.name(), t.description(), t.kind(),
                t.amountOff(), t.percentOff(), t.maxDiscount(), t.threshold(), t.scope(), t.issueUntil(),
                t.totalQuantity() - t.issued())).toList();
    }

    /**
     * Claims a coupon of a claimable template: 422 {@code coupon-not-issuing} outside its window or when it is not
     * claimable, {@code coupon-sold-out} when all are taken, {@code coupon-limit-reached} at the customer's limit.
     */
    @Transactional
    public CouponView claim(CustomerId customer, @Nullable CouponTemplateId templateId) {
        Violations v = new Violations();
        v.check(templateId != null, "templateId", "is required");
        v.throwIfAny();
        CouponTemplateRecord template = coupons.template(templateId)
                .orElseThrow(() -> NotFoundException.reference("templateId", "Coupon template", templateId));
        Instant now = now();
        if (!template.claimable() || !template.issuingAt(now)) {
            throw new BusinessRuleException("coupon-not-issuing", "templateId", "this coupon cannot be claimed now");
        }
        long id = staff.issueOne(template, customer.value(), "CLAIM", now);
        return view(coupons.coupon(id).orElseThrow(), template, now);
    }

    /** The customer's coupons, latest validity first (at most 200). */
    @Transactional(readOnly = true)
    public List<CouponView> mine(CustomerId customer) {
        List<CouponRecord> held = coupons.ofCustomer(customer.value(), 200);
        Map<CouponTemplateId, CouponTemplateRecord> templates = coupons.templates(held.stream()
                .map(CouponRecord::templateId).toList());
        Instant now = now();
        return held.stream().map(c -> view(c, templates.get(c.templateId()), now)).toList();
    }

    static CouponView view(CouponRecord c, CouponTemplateRecord t, Instant now) {
        CouponStatus status = switch (c.status()) {
            case "USED" -> CouponStatus.USED;
            case "VOID" -> CouponStatus.VOID;
            default -> now.isBefore(c.validUntil()) ? CouponStatus.AVAILABLE : CouponStatus.EXPIRED;
        };
        return new CouponView(c.id(), c.code(), c.templateId(), t.name(), new CustomerId(c.customerId()), status,
                c.source(), t.kind(), t.amountOff(), t.percentOff(), t.maxDiscount(), t.threshold(), c.issuedAt(),
                c.validFrom(), c.validUntil(), c.orderId() == null ? null : new OrderId(c.orderId()), c.usedAt(),
                c.discount());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
