package io.shopops.flashsale;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.shopops.audit.AuditLog;
import io.shopops.catalog.Catalog;
import io.shopops.catalog.SkuId;
import io.shopops.catalog.SkuRef;
import io.shopops.flashsale.internal.EntitlementRepository;
import io.shopops.flashsale.internal.FlashItemRecord;
import io.shopops.flashsale.internal.FlashSaleRecord;
import io.shopops.flashsale.internal.FlashSaleRepository;
import io.shopops.flashsale.internal.GateCache;
import io.shopops.ordering.Checkout;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.ConflictException;
import io.shopops.shared.FieldViolation;
import io.shopops.shared.Money;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.ShopProperties;
import io.shopops.shared.Violations;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Flash-sale sessions as staff run them (秒殺場次): create and edit drafts, schedule them (then they run by the
 * clock), cancel them, and read each SKU's quota figures. Every change is in the audit log. Refusals name the field:
 * 400 for bad input, 422 for business rules ({@code flash-price-not-below-sale-price}, {@code below-cost} (the margin
 * floor), {@code overlapping-session}, {@code illegal-transition}), 409 for an edit from a stale version.
 */
@Service
public class FlashSales {

    public static final int MAX_ITEMS = 50;
    public static final int MIN_PAY_WINDOW = 5;
    public static final int MAX_PAY_WINDOW = 30;
    public static final int DEFAULT_PAY_WINDOW = 10;
    public static final int MAX_DAYS = 31;
    public static final int MAX_QUOTA = 1_000_000;

    private final FlashSaleRepository sales;
    private final EntitlementRepository entitlements;
    private final Catalog catalog;
    private final GateCache cache;
    private final AuditLog audit;
    private final ShopProperties shop;
    private final FlashSaleSupport support;

    FlashSales(FlashSaleRepository sales, EntitlementRepository entitlements, Catalog catalog, GateCache cache,
            AuditLog audit, ShopProperties shop, FlashSaleSupport support) {
        this.sales = sales;
        this.entitlements = entitlements;
        this.catalog = catalog;
        this.cache = cache;
        this.audit = audit;
        this.shop = shop;
        this.support = support;
    }

    /** Sessions, the latest start first; every status when {@code status} is null. */
    @Transactional(readOnly = true)
    public Page<FlashSaleSummary> find(@Nullable FlashSaleStatus status, PageQuery page) {
        Page<FlashSaleRecord> found = sales.find(status, page);
        Map<FlashSaleId, long[]> totals = sales.totals(found.items().stream().map(FlashSaleRecord::id).toList());
        Instant now = support.now();
        return found.map(s -> {
            long[] t = totals.getOrDefault(s.id(), new long[3]);
            return new FlashSaleSummary(s.id(), s.name(), s.startsAt(), s.endsAt(), s.payWindowMinutes(),
                    FlashSaleSupport.status(s, now), s.runningAt(now), (int) t[0], t[1], t[2]);
        });
    }

    /** A session with its SKUs, their quota figures and warnings (404 if there is none). */
    @Transactional(readOnly = true)
    public FlashSaleView sale(FlashSaleId id) {
        return support.view(support.sale(id));
    }

    /** Each SKU's quota figures, in the session's order (for a live view: one item row and one sum per status). */
    @Transactional(readOnly = true)
    public List<QuotaFigures> figures(FlashSaleId id) {
        support.sale(id);
        Map<SkuId, QuotaFigures> figures = sales.figures(id);
        return sales.items(id).stream().map(i -> figures.get(i.skuId())).toList();
    }

    /** Creates a DRAFT session. */
    @Transactional
    public FlashSaleView create(NewFlashSale sale) {
        Checked checked = check(sale, null);
        Instant now = support.now();
        FlashSaleId id = sales.insert(checked.name(), checked.startsAt(), checked.endsAt(), checked.payWindowMinutes(),
                FlashSaleSupport.actor(), now);
        sales.replaceItems(id, checked.items(id));
        FlashSaleView created = support.view(support.sale(id));
        audit.record("FLASH_SALE_CREATED", "flash-sale", id, created.name(), null, created);
        return created;
    }

    /** Replaces a draft's settings and items, from the version the caller read (409 when it changed meanwhile). */
    @Transactional
    public FlashSaleView update(FlashSaleId id, NewFlashSale sale, @Nullable Long expectedVersion) {
        long version = version(expectedVersion);
        FlashSaleRecord before = support.sale(id);
        if (before.status() != FlashSaleStatus.DRAFT) {
            throw new BusinessRuleException("not-a-draft", "status",
                    "Flash sale %s is %s: only a draft can be edited".formatted(id, before.status()));
        }
        FlashSaleView beforeView = support.view(before);
        Checked checked = check(sale, id);
        if (!sales.updateDraft(id, version, checked.name(), checked.startsAt(), checked.endsAt(),
                checked.payWindowMinutes(), support.now())) {
            throw stale(id);
        }
        sales.replaceItems(id, checked.items(id));
        FlashSaleView after = support.view(support.sale(id));
        audit.record("FLASH_SALE_UPDATED", "flash-sale", id, after.name(), beforeView, after);
        return after;
    }

    /**
     * Schedules a draft (DRAFT → SCHEDULED): from its start until its end the gate accepts attempts. Checked again
     * first (its end still ahead, prices against the catalog as it is now, no other scheduled session of one of its
     * SKUs in the window, checked under a lock so two schedulings cannot both pass). Warnings (less stock than the
     * quota) do not refuse.
     */
    @Transactional
    public FlashSaleView schedule(FlashSaleId id, @Nullable Long expectedVersion) {
        long version = version(expectedVersion);
        FlashSaleRecord before = support.sale(id);
        if (before.status() != FlashSaleStatus.DRAFT) {
            throw illegal(before, FlashSaleStatus.SCHEDULED);
        }
        if (before.version() != version) {
            throw stale(id);
        }
        sales.lockScheduling();
        List<FlashItemRecord> items = sales.items(id);
        NewFlashSale asStored = new NewFlashSale(before.name(), before.startsAt(), before.endsAt(),
                before.payWindowMinutes(), items.stream().map(i -> new NewFlashSale.Item(i.skuId(),
                        i.flashPrice().amount(), (long) i.quota(), i.perCustomerLimit(), i.belowCostAllowed()))
                        .toList());
        check(asStored, id, EnumSet.of(FlashSaleStatus.SCHEDULED));
        FlashSaleView beforeView = support.view(before);
        if (!sales.schedule(id, version, FlashSaleSupport.actor(), support.now())) {
            throw stale(id);
        }
        cache.forget(id);
        FlashSaleView after = support.view(support.sale(id));
        audit.record("FLASH_SALE_SCHEDULED", "flash-sale", id, after.name(), beforeView, after);
        return after;
    }

    /**
     * Cancels a draft, or a scheduled session before its end, for a reason: no attempt is accepted any more, and
     * entitlements not yet used expire (their units go back). Orders already placed stay as they are; they must
     * still be paid within the pay window.
     */
    @Transactional
    public FlashSaleView cancel(FlashSaleId id, @Nullable String reason, @Nullable Long expectedVersion) {
        Violations v = new Violations();
        v.text("reason", reason, true, 500);
        if (expectedVersion == null) {
            v.add("version", "is required");
        }
        v.throwIfAny();
        FlashSaleRecord before = support.sale(id);
        Instant now = support.now();
        if (!FlashSaleSupport.status(before, now).canMoveTo(FlashSaleStatus.CANCELLED)) {
            throw illegal(before, FlashSaleStatus.CANCELLED);
        }
        FlashSaleView beforeView = support.view(before);
        if (!sales.cancel(id, expectedVersion, reason.trim(), now)) {
            FlashSaleRecord current = support.sale(id);
            throw current.version() != expectedVersion ? stale(id) : illegal(current, FlashSaleStatus.CANCELLED);
        }
        Map<SkuId, Integer> back = new LinkedHashMap<>();
        for (Entitlement entitlement : entitlements.acceptedOf(id)) {
            if (entitlements.expire(entitlement.id(), now, false)) {
                back.merge(entitlement.skuId(), entitlement.quantity(), Integer::sum);
            }
        }
        back.forEach((sku, units) -> entitlements.giveBack(id, sku, units));
        cache.forget(id);
        FlashSaleView after = support.view(support.sale(id));
        audit.record("FLASH_SALE_CANCELLED", "flash-sale", id, after.name() + ": " + reason.trim(), beforeView,
                after);
        return after;
    }

    // --- checks -----------------------------------------------------------------------------------------------

    private record Checked(String name, Instant startsAt, Instant endsAt, int payWindowMinutes,
            List<NewFlashSale.Item> items, List<SkuRef> skus) {

        List<FlashItemRecord> items(FlashSaleId id) {
            List<FlashItemRecord> records = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                NewFlashSale.Item item = items.get(i);
                records.add(new FlashItemRecord(id, Objects.requireNonNull(item.skuId()), i,
                        Money.of(Objects.requireNonNull(item.flashPrice()), skus.get(i).salePrice().currency()),
                        Boolean.TRUE.equals(item.belowCostAllowed()),
                        Objects.requireNonNull(item.quota()).intValue(),
                        item.perCustomerLimit() == null ? 1 : item.perCustomerLimit(), 0));
            }
            return records;
        }
    }

    private Checked check(NewFlashSale sale, @Nullable FlashSaleId except) {
        return check(sale, except, EnumSet.of(FlashSaleStatus.DRAFT, FlashSaleStatus.SCHEDULED));
    }

    /**
     * Everything about a session that does not depend on other data first (400, every field at once), then the SKUs
     * (unknown: 400 naming {@code items[i].skuId}), then the business rules (422), each rule naming every item it
     * refuses.
     */
    private Checked check(NewFlashSale sale, @Nullable FlashSaleId except, EnumSet<FlashSaleStatus> overlapWith) {
        Violations v = new Violations();
        v.text("name", sale.name(), true, 100);
        Instant now = support.now();
        if (sale.startsAt() == null) {
            v.add("startsAt", "is required");
        } else {
            v.check(sale.startsAt().isBefore(now.plus(Duration.ofDays(366))), "startsAt",
                    "must be within the next year");
        }
        if (sale.endsAt() == null) {
            v.add("endsAt", "is required");
        } else if (sale.startsAt() != null && !sale.endsAt().isAfter(sale.startsAt())) {
            v.add("endsAt", "must be after startsAt");
        } else if (!sale.endsAt().isAfter(now)) {
            v.add("endsAt", "must be in the future");
        } else if (sale.startsAt() != null
                && Duration.between(sale.startsAt(), sale.endsAt()).compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
            v.add("endsAt", "must be at most " + MAX_DAYS + " days after startsAt");
        }
        Integer window = sale.payWindowMinutes();
        v.check(window == null || (window >= MIN_PAY_WINDOW && window <= MAX_PAY_WINDOW), "payWindowMinutes",
                "must be between %d and %d minutes".formatted(MIN_PAY_WINDOW, MAX_PAY_WINDOW));
        List<NewFlashSale.Item> items = sale.items() == null ? List.of() : sale.items();
        if (items.isEmpty()) {
            v.add("items", "must contain at least one SKU");
        } else if (items.size() > MAX_ITEMS) {
            v.add("items", "must contain at most " + MAX_ITEMS + " SKUs");
        } else {
            Map<SkuId, Integer> seen = new HashMap<>();
            for (int i = 0; i < items.size(); i++) {
                NewFlashSale.Item item = items.get(i);
                Violations at = v.nested("items[" + i + "]");
                if (item == null) {
                    at.add("skuId", "is required");
                    continue;
                }
                if (item.skuId() == null) {
                    at.add("skuId", "is required");
                } else {
                    Integer first = seen.putIfAbsent(item.skuId(), i);
                    at.check(first == null, "skuId", "is already in items[" + first + "]");
                }
                if (item.flashPrice() == null) {
                    at.add("flashPrice", "is required");
                } else {
                    at.amount("flashPrice", item.flashPrice(), shop.currency());
                    at.check(item.flashPrice().signum() != 0, "flashPrice", "must be above zero");
                }
                if (item.quota() == null) {
                    at.add("quota", "is required");
                } else {
                    at.check(item.quota() >= 1 && item.quota() <= MAX_QUOTA, "quota",
                            "must be between 1 and 1,000,000");
                }
                Integer limit = item.perCustomerLimit();
                if (limit != null) {
                    if (limit < 1 || limit > Checkout.MAX_QUANTITY) {
                        at.add("perCustomerLimit", "must be between 1 and " + Checkout.MAX_QUANTITY);
                    } else if (item.quota() != null && item.quota() >= 1 && limit > item.quota()) {
                        at.add("perCustomerLimit", "must not be above the quota");
                    }
                }
            }
        }
        v.throwIfAny();

        Map<SkuId, SkuRef> known = catalog.skus(items.stream().map(NewFlashSale.Item::skuId).toList());
        List<SkuRef> skus = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            SkuRef sku = known.get(items.get(i).skuId());
            if (sku == null) {
                v.add("items[" + i + "].skuId", "SKU " + items.get(i).skuId() + " does not exist");
            }
            skus.add(sku);
        }
        v.throwIfAny();

        List<FieldViolation> notBelowSale = new ArrayList<>();
        List<FieldViolation> belowCost = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            NewFlashSale.Item item = items.get(i);
            SkuRef sku = skus.get(i);
            BigDecimal price = Objects.requireNonNull(item.flashPrice());
            String field = "items[" + i + "].flashPrice";
            if (price.compareTo(sku.salePrice().amount()) >= 0) {
                notBelowSale.add(new FieldViolation(field, "must be below the sale price of SKU %s (%s)"
                        .formatted(sku.skuCode(), sku.salePrice().amount().toPlainString())));
            } else if (price.compareTo(sku.costPrice().amount()) < 0 && !Boolean.TRUE.equals(item.belowCostAllowed())) {
                belowCost.add(new FieldViolation(field, ("is below the cost price of SKU %s (%s): set belowCostAllowed "
                        + "to sell below cost").formatted(sku.skuCode(), sku.costPrice().amount().toPlainString())));
            }
        }
        refuse("flash-price-not-below-sale-price", notBelowSale);
        refuse("below-cost", belowCost);
        List<FieldViolation> overlaps = new ArrayList<>();
        for (FlashSaleRepository.Overlap overlap : sales.overlapping(known.keySet(), sale.startsAt(), sale.endsAt(),
                except, overlapWith)) {
            for (int i = 0; i < items.size(); i++) {
                if (overlap.skuId().equals(items.get(i).skuId())) {
                    overlaps.add(new FieldViolation("items[" + i + "].skuId",
                            "SKU %s is already in flash sale %s \"%s\" at that time".formatted(skus.get(i).skuCode(),
                                    overlap.saleId(), overlap.name())));
                }
            }
        }
        refuse("overlapping-session", overlaps);
        return new Checked(sale.name().trim(), sale.startsAt(), sale.endsAt(),
                window == null ? DEFAULT_PAY_WINDOW : window, items, skus);
    }

    private static void refuse(String code, List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            throw new BusinessRuleException(code, violations.size() == 1 ? violations.getFirst().field() + ": "
                    + violations.getFirst().reason() : violations.size() + " items are refused", violations);
        }
    }

    private static long version(@Nullable Long expectedVersion) {
        if (expectedVersion == null) {
            new Violations().add("version", "is required").throwIfAny();
        }
        return expectedVersion;
    }

    private static ConflictException stale(FlashSaleId id) {
        return new ConflictException("version", "flash sale %s was changed by someone else; reload it and try again"
                .formatted(id));
    }

    private static BusinessRuleException illegal(FlashSaleRecord sale, FlashSaleStatus target) {
        return new BusinessRuleException("illegal-transition", "status",
                "Flash sale %s is %s and cannot become %s".formatted(sale.id(), sale.status(), target));
    }
}
