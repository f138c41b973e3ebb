package io.shopops.marketing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.shopops.audit.AuditLog;
import io.shopops.catalog.Catalog;
import io.shopops.catalog.ProductId;
import io.shopops.catalog.ProductView;
import io.shopops.catalog.SkuId;
import io.shopops.catalog.SkuRef;
import io.shopops.marketing.internal.ActivePromotions;
import io.shopops.marketing.internal.BasketItem;
import io.shopops.marketing.internal.PromotionEvaluator;
import io.shopops.marketing.internal.PromotionRecord;
import io.shopops.marketing.internal.PromotionRepository;
import io.shopops.marketing.internal.Targeting;
import io.shopops.ordering.DiscountRule;
import io.shopops.ordering.OrderBaskets;
import io.shopops.shared.Actors;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.ConflictException;
import io.shopops.shared.FieldViolation;
import io.shopops.shared.Money;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.ShopProperties;
import io.shopops.shared.Violations;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Promotions (促銷) for the operations team: define a draft, check it against the published ones, try it on the
 * last days' real baskets, publish it (it runs within its window), stop it early. Every change is audited and
 * bumps the marketing revision, so every node's price chain sees it at its next calculation.
 */
@Service
public class Promotions {

    public static final int MAX_DRY_RUN_DAYS = 90;

    private final PromotionRepository promotions;
    private final PromotionDefinitions definitions;
    private final ActivePromotions active;
    private final Catalog catalog;
    private final OrderBaskets baskets;
    private final AuditLog audit;
    private final ShopProperties shop;
    private final Clock clock;

    Promotions(PromotionRepository promotions, PromotionDefinitions definitions, ActivePromotions active,
            Catalog catalog, OrderBaskets baskets, AuditLog audit, ShopProperties shop, Clock clock) {
        this.promotions = promotions;
        this.definitions = definitions;
        this.active = active;
        this.catalog = catalog;
        this.baskets = baskets;
        this.audit = audit;
        this.shop = shop;
        this.clock = clock;
    }

    /** A new draft. 400 naming every refused field; 409 for a code already used. */
    @Transactional
    public PromotionView create(NewPromotion promotion) {
        Instant now = now();
        PromotionRecord checked = definitions.check(promotion, new PromotionId(0), Actors.current().username(), now, 0);
        if (promotions.codeTaken(checked.code(), null)) {
            throw new ConflictException("code", "promotion code " + checked.code() + " is already used");
        }
        PromotionId id = promotions.insert(checked);
        PromotionView view = promotion(id);
        audit.record("PROMOTION_CREATED", "promotion", id, view.code() + " " + view.name(), null, view);
        return view;
    }

    /** Changes a draft; 409 when someone changed it since {@code expectedVersion}, 422 once it is published. */
    @Transactional
    public PromotionView update(PromotionId id, NewPromotion promotion, long expectedVersion) {
        PromotionRecord before = record(id);
        if (before.status() != PromotionStatus.DRAFT) {
            throw new BusinessRuleException("promotion-not-draft", "only a draft can be changed; this one is "
                    + before.statusAt(now()));
        }
        Instant now = now();
        PromotionRecord checked = definitions.check(promotion, id, before.createdBy(), before.createdAt(),
                before.version());
        if (promotions.codeTaken(checked.code(), id)) {
            throw new ConflictException("code", "promotion code " + checked.code() + " is already used");
        }
        if (!promotions.updateDraft(id, checked, expectedVersion, now)) {
            throw new ConflictException("version", "the promotion was changed meanwhile: reload it");
        }
        PromotionView after = promotion(id);
        audit.record("PROMOTION_UPDATED", "promotion", id, after.code(), view(before), after);
        return after;
    }

    /**
     * Publishes a draft: it runs from its start. 422 {@code promotion-conflict} naming the blocking promotions when
     * another published one of the same kind covers the same items in an overlapping window; 422 when its end
     * has passed.
     */
    @Transactional
    public PromotionView publish(PromotionId id, long expectedVersion) {
        PromotionRecord p = record(id);
        Instant now = now();
        if (p.status() != PromotionStatus.DRAFT) {
            throw new BusinessRuleException("promotion-not-draft", "only a draft can be published");
        }
        if (!p.endsAt().isAfter(now)) {
            throw new BusinessRuleException("promotion-ended", "endsAt", "its end has already passed");
        }
        List<FieldViolation> blocking = conflicts(p).stream().filter(PromotionConflict::blocking)
                .map(c -> new FieldViolation("targetIds", c.reason())).toList();
        if (!blocking.isEmpty()) {
            throw new BusinessRuleException("promotion-conflict", blocking.size() == 1 ? blocking.getFirst().reason()
                    : blocking.size() + " published promotions of the same kind cover the same items", blocking);
        }
        if (!promotions.move(id, PromotionStatus.DRAFT, PromotionStatus.SCHEDULED, expectedVersion, null, now)) {
            throw new ConflictException("version", "the promotion was changed meanwhile: reload it");
        }
        return changed("PROMOTION_PUBLISHED", p);
    }

    /** Ends a published promotion now, for a reason (required). */
    @Transactional
    public PromotionView stop(PromotionId id, @Nullable String reason, long expectedVersion) {
        Violations v = new Violations();
        v.text("reason", reason, true, 500);
        v.throwIfAny();
        PromotionRecord p = record(id);
        if (p.status() != PromotionStatus.SCHEDULED) {
            throw new BusinessRuleException("promotion-not-published", "only a published promotion can be stopped");
        }
        if (!promotions.move(id, PromotionStatus.SCHEDULED, PromotionStatus.STOPPED, expectedVersion, reason.trim(),
                now())) {
            throw new ConflictException("version", "the promotion was changed meanwhile: reload it");
        }
        return changed("PROMOTION_STOPPED", p);
    }

    private PromotionView changed(String action, PromotionRecord before) {
        promotions.bumpRevision();
        PromotionView after = promotion(before.id());
        audit.record(action, "promotion", before.id(), after.code() + " → " + after.status(), view(before), after);
        return after;
    }

    @Transactional(readOnly = true)
    public PromotionView promotion(PromotionId id) {
        return view(record(id));
    }

    @Transactional(readOnly = true)
    public Page<PromotionView> find(@Nullable PromotionStatus status, @Nullable PromotionKind kind,
            @Nullable String text, PageQuery page) {
        Page<PromotionRecord> found = promotions.find(status, kind, text, now(), page);
        Map<PromotionId, Long> orders = promotions.orderCounts(found.items().stream().map(PromotionRecord::id).toList());
        Instant now = now();
        return Page.of(found.items().stream().map(p -> view(p, orders.getOrDefault(p.id(), 0L), now)).toList(), page,
                found.totalItems());
    }

    // --- conflict check ------------------------------------------------------------------------------------

    /** The published promotions whose windows and items overlap this one's. */
    @Transactional(readOnly = true)
    public List<PromotionConflict> conflicts(PromotionId id) {
        return conflicts(record(id));
    }

    private List<PromotionConflict> conflicts(PromotionRecord p) {
        List<PromotionConflict> conflicts = new ArrayList<>();
        Targeting mine = active.targeting(p);
        for (PromotionRecord other : promotions.overlapping(p.startsAt(), p.endsAt(), p.id())) {
            String overlap = overlap(mine, active.targeting(other));
            if (overlap == null || !channelsOverlap(p, other)) {
                continue;
            }
            boolean sameKind = other.kind() == p.kind();
            Instant from = p.startsAt().isAfter(other.startsAt()) ? p.startsAt() : other.startsAt();
            Instant to = p.endsAt().isBefore(other.endsAt()) ? p.endsAt() : other.endsAt();
            conflicts.add(new PromotionConflict(other.id(), other.code(), other.name(), other.kind(), from, to,
                    sameKind, (sameKind ? "same kind as " : "stacks with ") + other.code() + " (" + other.name()
                            + ") on " + overlap));
        }
        return conflicts;
    }

    private static boolean channelsOverlap(PromotionRecord a, PromotionRecord b) {
        return a.channels().isEmpty() || b.channels().isEmpty()
                || a.channels().stream().anyMatch(b.channels()::contains);
    }

    /** What two targetings share, in words, or null when they cannot meet. */
    private @Nullable String overlap(Targeting a, Targeting b) {
        if (a.scope() == TargetScope.ALL || b.scope() == TargetScope.ALL) {
            return "all items";
        }
        if (a.scope() == b.scope()) {
            List<Long> shared = a.ids().stream().filter(b.ids()::contains).sorted().toList();
            return shared.isEmpty() ? null
                    : a.scope().name().toLowerCase() + " " + shared.stream().limit(5).map(String::valueOf).toList();
        }
        // different scopes: resolve the narrower side to its SKUs and ask the other side
        Targeting narrow = rank(a) <= rank(b) ? a : b;
        Targeting wide = narrow == a ? b : a;
        if (narrow.scope() == TargetScope.CATEGORIES) {
            return "possibly the same items (categories and brands can meet)";
        }
        List<BasketItem> items = new ArrayList<>();
        if (narrow.scope() == TargetScope.SKUS) {
            for (SkuRef sku : catalog.skus(narrow.ids().stream().map(SkuId::new).toList()).values()) {
                items.add(BasketItem.of(sku, 1));
            }
        } else {
            for (Long product : narrow.ids()) {
                try {
                    ProductView view = catalog.product(new ProductId(product));
                    items.add(new BasketItem(-1, product, view.categoryId().value(),
                            view.brandId() == null ? null : view.brandId().value(), Money.zero(shop.currency()), 1));
                } catch (NotFoundException gone) {
                    // a product deleted since: nothing to meet
                }
            }
        }
        for (BasketItem item : items) {
            if (wide.covers(item)) {
                return narrow.scope().name().toLowerCase() + " covered by both";
            }
        }
        return null;
    }

    private static int rank(Targeting t) {
        return switch (t.scope()) {
            case SKUS -> 0;
            case PRODUCTS -> 1;
            case CATEGORIES, BRANDS -> 2;
            case ALL -> 3;
        };
    }

    // --- dry run -------------------------------------------------------------------------------------------

    /**
     * Applies the promotion (any status) to every basket of the last {@code days} days (1 to
     * {@value #MAX_DRY_RUN_DAYS}), alone, on top of the discounts the orders got, under the margin floor; budgets
     * and per-customer limits are ignored (the dry run asks what it would touch, not what the budget allows).
     */
    @Transactional(readOnly = true)
    public DryRun dryRun(PromotionId id, int days) {
        Violations v = new Violations();
        v.check(days >= 1 && days <= MAX_DRY_RUN_DAYS, "days", "must be between 1 and " + MAX_DRY_RUN_DAYS);
        v.throwIfAny();
        PromotionRecord p = record(id);
        Targeting targeting = active.targeting(p);
        Instant to = now();
        Instant from = to.minus(Duration.ofDays(days));
        List<OrderBaskets.Basket> found = baskets.placedBetween(from, to, OrderBaskets.MAX_ORDERS);
        Map<SkuId, SkuRef> skus = catalog.skus(found.stream().flatMap(b -> b.lines().stream())
                .map(OrderBaskets.Line::skuId).distinct().toList());
        Money zero = Money.zero(shop.currency());
        Money paid = zero;
        Money cost = zero;
        Money discount = zero;
        long touched = 0;
        Map<LocalDate, long[]> byDay = new TreeMap<>();
        for (OrderBaskets.Basket basket : found) {
            if (!p.channels().isEmpty() && !p.channels().contains(basket.channel())) {
                addDay(byDay, basket, 0, false);
                paid = paid.plus(paid(basket, zero));
                cost = cost.plus(cost(basket, zero));
                continue;
            }
            List<BasketItem> items = new ArrayList<>();
            List<Money> payable = new ArrayList<>();
            List<Long> room = new ArrayList<>();
            for (OrderBaskets.Line line : basket.lines()) {
                SkuRef sku = skus.get(line.skuId());
                items.add(sku == null ? new BasketItem(line.skuId().value(), -1, -1, null, line.unitPrice(),
                        line.quantity()) : new BasketItem(line.skuId().value(), sku.productId().value(),
                        sku.categoryId().value(), sku.brandId() == null ? null : sku.brandId().value(),
                        line.unitPrice(), line.quantity()));
                payable.add(line.payable());
                room.add(Math.max(0, line.payable().minus(line.unitCost().times(line.quantity())).minorUnits()));
            }
            long off = 0;
            for (DiscountRule.Discount d : PromotionEvaluator.evaluate(p, targeting, merge(items), merge(items, payable),
                    null).discounts()) {
                off += d.amount().minorUnits();
            }
            long maxRoom = p.belowCostAllowed() || p.kind() == PromotionKind.GIFT
                    ? payable.stream().mapToLong(Money::minorUnits).sum() : room.stream().mapToLong(Long::longValue).sum();
            off = Math.min(off, maxRoom);
            Money basketOff = Money.ofMinor(off, shop.currency());
            paid = paid.plus(paid(basket, zero));
            cost = cost.plus(cost(basket, zero));
            discount = discount.plus(basketOff);
            if (off > 0) {
                touched++;
            }
            addDay(byDay, basket, off, off > 0);
        }
        Money marginBefore = paid.minus(cost);
        Money marginAfter = marginBefore.minus(discount);
        List<DryRun.Day> series = new ArrayList<>();
        byDay.forEach((day, n) -> series.add(new DryRun.Day(day, n[0], n[1], Money.ofMinor(n[2], shop.currency()))));
        return new DryRun(id, days, found.size(), touched, found.isEmpty() ? 0 : (double) touched / found.size(), paid,
                discount, marginBefore, marginAfter, rate(marginBefore, paid), rate(marginAfter, paid.minus(discount)),
                series);
    }

    /** A basket's lines of one SKU served from two warehouses are one item for promotions. */
    private static List<BasketItem> merge(List<BasketItem> items) {
        Map<Long, BasketItem> merged = new java.util.LinkedHashMap<>();
        for (BasketItem item : items) {
            merged.merge(item.skuId(), item, (a, b) -> new BasketItem(a.skuId(), a.productId(), a.categoryId(),
                    a.brandId(), a.unitPrice(), a.quantity() + b.quantity()));
        }
        return List.copyOf(merged.values());
    }

    private static List<Money> merge(List<BasketItem> items, List<Money> payable) {
        Map<Long, Money> merged = new java.util.LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            merged.merge(items.get(i).skuId(), payable.get(i), Money::plus);
        }
        return List.copyOf(merged.values());
    }

    private static Money paid(OrderBaskets.Basket basket, Money zero) {
        return basket.lines().stream().map(OrderBaskets.Line::payable).reduce(zero, Money::plus);
    }

    private static Money cost(OrderBaskets.Basket basket, Money zero) {
        return basket.lines().stream().map(l -> l.unitCost().times(l.quantity())).reduce(zero, Money::plus);
    }

    private void addDay(Map<LocalDate, long[]> byDay, OrderBaskets.Basket basket, long off, boolean touched) {
        long[] day = byDay.computeIfAbsent(basket.placedAt().atZone(shop.zone()).toLocalDate(), d -> new long[3]);
        day[0]++;
        day[1] += touched ? 1 : 0;
        day[2] += off;
    }

    private static double rate(Money margin, Money revenue) {
        return revenue.isZero() ? 0 : margin.amount().doubleValue() / revenue.amount().doubleValue();
    }

    // --- views ---------------------------------------------------------------------------------------------

    private PromotionRecord record(PromotionId id) {
        return promotions.find(id).orElseThrow(() -> NotFoundException.of("Promotion", id));
    }

    private PromotionView view(PromotionRecord p) {
        return view(p, promotions.orderCounts(List.of(p.id())).getOrDefault(p.id(), 0L), now());
    }

    private static PromotionView view(PromotionRecord p, long orders, Instant now) {
        return new PromotionView(p.id(), p.code(), p.name(), p.description(), p.kind(), p.statusAt(now), p.startsAt(),
                p.endsAt(), p.scope(), p.targetIds(), p.channels(), p.customerTiers(), p.segmentId(), p.percentOff(),
                p.amountOff(), p.tiers().stream().map(t -> new PromotionView.TierView(t.threshold(), t.amountOff()))
                        .toList(), p.buyQuantity(), p.freeQuantity(), p.giftSkuId(), p.threshold(), p.bundlePrice(),
                p.stackable(), p.belowCostAllowed(), p.budget(), p.spent(), p.perCustomerLimit(), p.priority(),
                p.campaignCode(), orders, p.stoppedReason(), p.createdBy(), p.createdAt(), p.updatedAt(),
                p.version());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
