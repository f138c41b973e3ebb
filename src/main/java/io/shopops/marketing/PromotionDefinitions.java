package io.shopops.marketing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.shopops.catalog.BrandView;
import io.shopops.catalog.Brands;
import io.shopops.catalog.Catalog;
import io.shopops.catalog.Categories;
import io.shopops.catalog.CategoryView;
import io.shopops.catalog.ProductId;
import io.shopops.catalog.SkuId;
import io.shopops.catalog.SkuRef;
import io.shopops.marketing.internal.PromotionRecord;
import io.shopops.shared.Money;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.ShopProperties;
import io.shopops.shared.Violations;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Checks a promotion as an operator typed it and turns it into the stored form: every refused field at once,
 * named (400). Parameters that do not belong to the kind are refused too, so a typo never publishes a different
 * promotion than the one meant.
 */
@Component
class PromotionDefinitions {

    static final int MAX_TARGETS = 500;
    static final int MAX_TIERS = 10;
    static final Duration MAX_WINDOW = Duration.ofDays(366);

    private final Catalog catalog;
    private final Categories categories;
    private final Brands brands;
    private final CustomerAudience audience;
    private final ShopProperties shop;

    PromotionDefinitions(Catalog catalog, Categories categories, Brands brands, CustomerAudience audience,
            ShopProperties shop) {
        this.catalog = catalog;
        this.categories = categories;
        this.brands = brands;
        this.audience = audience;
        this.shop = shop;
    }

    PromotionRecord check(NewPromotion p, PromotionId id, String createdBy, Instant now, long version) {
        Violations v = new Violations();
        v.code("code", p.code());
        v.text("name", p.name(), true, 200);
        v.multilineText("description", p.description(), false, 2000);
        v.check(p.kind() != null, "kind", "is required");
        v.check(p.startsAt() != null, "startsAt", "is required");
        v.check(p.endsAt() != null, "endsAt", "is required");
        if (p.startsAt() != null && p.endsAt() != null) {
            if (!p.endsAt().isAfter(p.startsAt())) {
                v.add("endsAt", "must be after startsAt");
            } else if (Duration.between(p.startsAt(), p.endsAt()).compareTo(MAX_WINDOW) > 0) {
                v.add("endsAt", "must be at most 366 days after startsAt");
            }
        }
        v.check(p.scope() != null, "scope", "is required");
        List<Long> targets = p.targetIds() == null ? List.of() : p.targetIds();
        if (p.scope() != null) {
            checkTargets(v, p.scope(), targets);
        }
        Set<String> tiers = p.customerTiers() == null ? Set.of() : p.customerTiers();
        if (!tiers.isEmpty() && !audience.available()) {
            v.add("customerTiers", "membership tiers are not available yet");
        } else {
            for (String tier : tiers) {
                v.check(audience.tiers().contains(tier), "customerTiers", "unknown tier " + tier);
            }
        }
        v.check(p.segmentId() == null || audience.available(), "segmentId", "customer segments are not available yet");
        if (p.kind() != null) {
            checkParameters(v, p);
        }
        amount(v, "budget", p.budget(), false);
        v.check(p.perCustomerLimit() == null || (p.perCustomerLimit() >= 1 && p.perCustomerLimit() <= 1000),
                "perCustomerLimit", "must be between 1 and 1000");
        v.check(p.priority() == null || (p.priority() >= -1000 && p.priority() <= 1000), "priority", "must be between -1000 and 1000");
        if (p.campaignCode() != null && !p.campaignCode().isBlank()) {
            v.code("campaignCode", p.campaignCode().trim());
        }
        v.throwIfAny();
        return new PromotionRecord(id, p.code().trim(), p.name().trim(), trim(p.description()), p.kind(),
                PromotionStatus.DRAFT, p.startsAt(), p.endsAt(), p.scope(),
                p.scope() == TargetScope.ALL ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(targets)),
                p.channels() == null ? Set.of() : p.channels(), tiers, p.segmentId(), p.percentOff(),
                money(p.amountOff()),
                p.tiers() == null ? List.of() : p.tiers().stream()
                        .map(t -> new PromotionRecord.Tier(money(t.threshold()), money(t.amountOff()))).toList(),
                p.buyQuantity(), p.freeQuantity(), p.giftSkuId(), money(p.threshold()), money(p.bundlePrice()),
                !Boolean.FALSE.equals(p.stackable()), Boolean.TRUE.equals(p.belowCostAllowed()), money(p.budget()),
                Money.zero(shop.currency()), p.perCustomerLimit(), p.priority() == null ? 0 : p.priority(), trim(p.campaignCode()), null, createdBy, now, now, version);
    }

    private void checkTargets(Violations v, TargetScope scope, List<Long> targets) {
        if (scope == TargetScope.ALL) {
            v.check(targets.isEmpty(), "targetIds", "must be empty when the scope is ALL");
            return;
        }
        if (targets.isEmpty()) {
            v.add("targetIds", "must name at least one target for scope " + scope);
            return;
        }
        if (targets.size() > MAX_TARGETS) {
            v.add("targetIds", "must name at most " + MAX_TARGETS + " targets");
            return;
        }
        Set<Long> known = switch (scope) {
            case SKUS -> catalog.skus(targets.stream().filter(t -> t != null).map(SkuId::new).toList()).keySet()
                    .stream().map(SkuId::value).collect(Collectors.toSet());
            case CATEGORIES -> categories.all().stream().map(c -> c.id().value()).collect(Collectors.toSet());
            case BRANDS -> brands.all().stream().map(b -> b.id().value()).collect(Collectors.toSet());
            case PRODUCTS -> products(targets);
            case ALL -> Set.of();
        };
        for (int i = 0; i < targets.size(); i++) {
            Long target = targets.get(i);
            v.check(target != null && known.contains(target), "targetIds[" + i + "]",
                    scope.name().toLowerCase().replace('_', ' ') + " " + target + " does not exist");
        }
    }

    private Set<Long> products(List<Long> ids) {
        Set<Long> known = new HashSet<>();
        for (Long id : ids) {
            if (id == null) {
                continue;
            }
            try {
                catalog.product(new ProductId(id));
                known.add(id);
            } catch (NotFoundException missing) {
                // named by the caller
            }
        }
        return known;
    }

    private void checkParameters(Violations v, NewPromotion p) {
        PromotionKind kind = p.kind();
        notFor(v, kind, "percentOff", p.percentOff(), kind == PromotionKind.LIMITED_TIME_DISCOUNT);
        notFor(v, kind, "amountOff", p.amountOff(), kind == PromotionKind.LIMITED_TIME_DISCOUNT);
        notFor(v, kind, "tiers", p.tiers() == null || p.tiers().isEmpty() ? null : p.tiers(),
                kind == PromotionKind.FULL_REDUCTION);
        notFor(v, kind, "buyQuantity", p.buyQuantity(), kind == PromotionKind.BUY_X_GET_Y);
        notFor(v, kind, "freeQuantity", p.freeQuantity(), kind == PromotionKind.BUY_X_GET_Y);
        notFor(v, kind, "giftSkuId", p.giftSkuId(), kind == PromotionKind.GIFT);
        notFor(v, kind, "threshold", p.threshold(), kind == PromotionKind.GIFT);
        notFor(v, kind, "bundlePrice", p.bundlePrice(), kind == PromotionKind.BUNDLE_PRICE);
        switch (kind) {
            case LIMITED_TIME_DISCOUNT -> {
                if ((p.percentOff() == null) == (p.amountOff() == null)) {
                    v.add("percentOff", "give exactly one of percentOff and amountOff");
                } else if (p.percentOff() != null) {
                    v.check(p.percentOff().signum() > 0 && p.percentOff().compareTo(BigDecimal.valueOf(100)) < 0
                            && p.percentOff().stripTrailingZeros().scale() <= 2, "percentOff",
                            "must be more than 0 and less than 100, with at most 2 decimals");
                } else {
                    positive(v, "amountOff", p.amountOff());
                }
            }
            case FULL_REDUCTION -> checkTiers(v, p.tiers());
            case BUY_X_GET_Y -> {
                v.check(p.buyQuantity() != null && p.buyQuantity() >= 1 && p.buyQuantity() <= 100, "buyQuantity",
                        "must be between 1 and 100");
                v.check(p.freeQuantity() != null && p.freeQuantity() >= 1 && p.freeQuantity() <= 100,
                        "freeQuantity", "must be between 1 and 100");
            }
            case GIFT -> {
                if (p.giftSkuId() == null) {
                    v.add("giftSkuId", "is required");
                } else {
                    v.check(catalog.sku(new SkuId(p.giftSkuId())).isPresent(), "giftSkuId",
                            "SKU " + p.giftSkuId() + " does not exist");
                }
                positive(v, "threshold", p.threshold());
            }
            case BUNDLE_PRICE -> {
                v.check(p.scope() == TargetScope.SKUS, "scope", "must be SKUS for a bundle");
                List<Long> skus = p.targetIds() == null ? List.of() : p.targetIds();
                v.check(skus.size() >= 2 && skus.size() <= 10, "targetIds", "a bundle has 2 to 10 SKUs");
                if (positive(v, "bundlePrice", p.bundlePrice()) && p.scope() == TargetScope.SKUS) {
                    Map<SkuId, SkuRef> found = catalog.skus(skus.stream().filter(s -> s != null).map(SkuId::new)
                            .toList());
                    Money full = Money.zero(shop.currency());
                    for (SkuRef sku : found.values()) {
                        full = full.plus(sku.salePrice());
                    }
                    v.check(found.size() < skus.size() || money(p.bundlePrice()).compareTo(full) < 0, "bundlePrice",
                            "must be below the SKUs' total sale price " + full.amount().toPlainString());
                }
            }
        }
    }

    private void checkTiers(Violations v, @Nullable List<NewPromotion.Tier> tiers) {
        if (tiers == null || tiers.isEmpty()) {
            v.add("tiers", "must contain at least one tier");
            return;
        }
        if (tiers.size() > MAX_TIERS) {
            v.add("tiers", "must contain at most " + MAX_TIERS + " tiers");
            return;
        }
        List<NewPromotion.Tier> valid = new ArrayList<>();
        for (int i = 0; i < tiers.size(); i++) {
            NewPromotion.Tier tier = tiers.get(i);
            Violations at = v.nested("tiers[" + i + "]");
            if (tier == null) {
                at.add("threshold", "is required");
                continue;
            }
            boolean ok = positive(at, "threshold", tier.threshold()) & positive(at, "amountOff", tier.amountOff());
            if (ok && tier.amountOff().compareTo(tier.threshold()) >= 0) {
                at.add("amountOff", "must be below the tier's threshold");
                ok = false;
            }
            if (ok && !valid.isEmpty()) {
                NewPromotion.Tier before = valid.getLast();
                if (tier.threshold().compareTo(before.threshold()) <= 0) {
                    at.add("threshold", "must be above the previous tier's threshold (tiers overlap)");
                    ok = false;
                } else if (tier.amountOff().compareTo(before.amountOff()) <= 0) {
                    at.add("amountOff", "must be more than the previous tier's amount off");
                    ok = false;
                }
            }
            if (ok) {
                valid.add(tier);
            }
        }
    }

    private static void notFor(Violations v, PromotionKind kind, String field, @Nullable Object value, boolean belongs) {
        v.check(belongs || value == null, field, "does not apply to a " + kind + " promotion");
    }

    private boolean positive(Violations v, String field, @Nullable BigDecimal value) {
        if (!amount(v, field, value, true)) {
            return false;
        }
        if (value.signum() <= 0) {
            v.add(field, "must be more than 0");
            return false;
        }
        return true;
    }

    private boolean amount(Violations v, String field, @Nullable BigDecimal value, boolean required) {
        if (value == null) {
            v.check(!required, field, "is required");
            return false;
        }
        int before = v.list().size();
        v.amount(field, value, shop.currency());
        if (v.list().size() > before) {
            return false;
        }
        if (!required && value.signum() == 0) {
            v.add(field, "must be more than 0");
            return false;
        }
        return true;
    }

    private @Nullable Money money(@Nullable BigDecimal amount) {
        return amount == null ? null : Money.of(amount, shop.currency());
    }

    private static @Nullable String trim(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    List<CategoryView> categories() {
        return categories.all();
    }

    List<BrandView> brands() {
        return brands.all();
    }
}
