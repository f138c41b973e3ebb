package io.shopops.flashsale;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.shopops.catalog.SkuId;
import io.shopops.customer.CustomerId;
import io.shopops.flashsale.internal.EntitlementRepository;
import io.shopops.ordering.AppliedRule;
import io.shopops.ordering.DiscountRule;
import io.shopops.ordering.PricingRequest;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.Money;

import org.springframework.stereotype.Component;

/**
 * The flash price in ordering's price chain (stage LIMITED_TIME). For a signed-in customer holding an ACCEPTED
 * entitlement that has not expired, the item's first {@code min(quantity, entitled)} units cost the flash price:
 * the discount is what those units still cost (their share of the item's payable after the earlier stages) less the
 * flash price × units, so stacking after a member price never goes below the flash price. Reference
 * {@code flash:<entitlementId>}; below cost only if the item allows it. Asked to explain, it says why a SKU of a
 * running session gets no flash price (no entitlement, expired, already used).
 *
 * <p>{@link #redeem} marks the entitlement USED by the order in checkout's transaction, with a conditional UPDATE
 * (still ACCEPTED, not expired when the order was placed); if that fails the checkout is refused with 422
 * {@code flash-entitlement-expired} and nothing is written. Entitled units the order does not buy go back to the
 * quota at once.
 */
@Component
class FlashSaleDiscount implements DiscountRule {

    static final String CODE = "flash-sale";
    static final String REFERENCE_PREFIX = "flash:";

    private final EntitlementRepository entitlements;
    private final FlashSaleSupport support;

    FlashSaleDiscount(EntitlementRepository entitlements, FlashSaleSupport support) {
        this.entitlements = entitlements;
        this.support = support;
    }

    @Override
    public Stage stage() {
        return Stage.LIMITED_TIME;
    }

    @Override
    public Evaluation apply(PricingRequest request, List<Money> payable) {
        CustomerId customer = request.customer();
        if (customer == null || request.items().isEmpty()) {
            return Evaluation.none();
        }
        Set<SkuId> skus = new LinkedHashSet<>();
        request.items().forEach(item -> skus.add(item.sku().id()));
        List<EntitlementRepository.Priced> held = entitlements.accepted(customer, skus);
        if (held.isEmpty() && !request.explain()) {
            return Evaluation.none();
        }
        Instant now = support.now();
        List<Discount> discounts = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Set<SkuId> explained = new HashSet<>();
        for (int i = 0; i < request.items().size(); i++) {
            PricingRequest.Item item = request.items().get(i);
            SkuId sku = item.sku().id();
            EntitlementRepository.Priced usable = held.stream()
                    .filter(p -> p.entitlement().skuId().equals(sku) && p.entitlement().expiresAt().isAfter(now))
                    .findFirst().orElse(null);
            if (usable == null) {
                held.stream().filter(p -> p.entitlement().skuId().equals(sku)).findFirst().ifPresent(expired -> {
                    skipped.add(new Skipped(CODE, label(expired), "your flash-sale entitlement to %s ran out at %s (not ordered within %d minutes)"
                            .formatted(item.sku().skuCode(), expired.entitlement().expiresAt(), expired.payWindowMinutes())));
                    explained.add(sku);
                });
                continue;
            }
            explained.add(sku);
            int units = Math.min(item.quantity(), usable.entitlement().quantity());
            Money line = payable.get(i);
            Money share = Money.ofMinor(line.minorUnits() * units / item.quantity(), line.currency());
            Money amount = share.minus(usable.flashPrice().times(units));
            if (amount.isNegative() || amount.isZero()) {
                skipped.add(new Skipped(CODE, label(usable), "%s already costs no more than the flash price %s"
                        .formatted(item.sku().skuCode(), usable.flashPrice().amount().toPlainString())));
                continue;
            }
            discounts.add(new Discount(CODE, label(usable), amount, Set.of(i), usable.entitlement().reference(),
                    usable.belowCostAllowed()));
        }
        if (request.explain()) {
            Set<SkuId> rest = new LinkedHashSet<>(skus);
            rest.removeAll(explained);
            for (EntitlementRepository.Running running : entitlements.running(rest, now)) {
                if (explained.add(running.skuId())) {
                    skipped.add(new Skipped(CODE, "Flash sale: " + running.name(),
                            "the flash price %s needs a successful flash-sale attempt first"
                                    .formatted(running.flashPrice().amount().toPlainString())));
                }
            }
        }
        return new Evaluation(discounts, skipped);
    }

    @Override
    public void redeem(Redemption redemption) {
        for (AppliedRule rule : redemption.applied()) {
            String reference = rule.reference();
            if (!CODE.equals(rule.code()) || reference == null || !reference.startsWith(REFERENCE_PREFIX)) {
                continue;
            }
            EntitlementId id = new EntitlementId(Long.parseLong(reference.substring(REFERENCE_PREFIX.length())));
            EntitlementRepository.Priced priced = entitlements.priced(id).orElseThrow(() -> expired(null, -1));
            Entitlement entitlement = priced.entitlement();
            int index = -1;
            int ordered = 0;
            List<PricingRequest.Item> items = redemption.request().items();
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).sku().id().equals(entitlement.skuId())) {
                    index = index < 0 ? i : index;
                    ordered += items.get(i).quantity();
                }
            }
            int used = Math.min(ordered, entitlement.quantity());
            Instant placedAt = redemption.placedAt();
            if (used < 1 || !entitlement.customerId().equals(redemption.customer())
                    || !entitlements.use(id, redemption.orderId(), redemption.orderNumber(), used, placedAt,
                            placedAt.plus(Duration.ofMinutes(priced.payWindowMinutes())))) {
                throw expired(entitlement, index);
            }
            // entitled units the order does not buy go back now
            entitlements.giveBack(entitlement.saleId(), entitlement.skuId(), entitlement.quantity() - used);
        }
    }

    private static BusinessRuleException expired(@org.jspecify.annotations.Nullable Entitlement entitlement,
            int index) {
        String reason = entitlement == null ? "the flash-sale entitlement no longer exists"
                : "the flash-sale entitlement %s ran out at %s or was used meanwhile: review the cart and confirm again"
                        .formatted(entitlement.id(), entitlement.expiresAt());
        return index < 0 ? new BusinessRuleException("flash-entitlement-expired", reason)
                : new BusinessRuleException("flash-entitlement-expired", "lines[" + index + "].skuId", reason);
    }

    private static String label(EntitlementRepository.Priced priced) {
        return "Flash sale: " + priced.saleName();
    }
}
