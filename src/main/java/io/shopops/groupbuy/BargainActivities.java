package io.shopops.groupbuy;

import java.math.BigDecimal;
import java.util.List;

import io.shopops.audit.AuditLog;
import io.shopops.catalog.SkuRef;
import io.shopops.groupbuy.internal.BargainActivityRecord;
import io.shopops.groupbuy.internal.BargainRepository;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.ConflictException;
import io.shopops.shared.Money;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.Violations;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bargain activities as marketing staff run them (砍價活動), with the same lifecycle as group buys: DRAFT (editable,
 * deletable) → SCHEDULED → ENDED by the job, or CANCELLED (bargains already started may still be bought until their
 * deadline). The start price is the SKU's sale price; the floor is above zero and below it, and not below the SKU's
 * cost unless allowed. Every change is in the audit log.
 */
@Service
public class BargainActivities {

    private final BargainRepository bargains;
    private final AuditLog audit;
    private final GroupBuySupport support;

    BargainActivities(BargainRepository bargains, AuditLog audit, GroupBuySupport support) {
        this.bargains = bargains;
        this.audit = audit;
        this.support = support;
    }

    @Transactional(readOnly = true)
    public Page<BargainActivityView> find(@Nullable ActivityStatus status, @Nullable String text, PageQuery page) {
        Violations v = new Violations();
        v.text("q", text, false, 100);
        v.throwIfAny();
        return bargains.activities(status, text == null || text.isBlank() ? null : text.trim(), page)
                .map(this::view);
    }

    @Transactional(readOnly = true)
    public BargainActivityView activity(BargainActivityId id) {
        return view(activityRecord(id));
    }

    /**
     * Writes a DRAFT. Refused with 400 naming each bad field (an unknown {@code skuId}, a {@code maxCut} below
     * {@code minCut}, …) and with 422 naming the field when the floor is not below the SKU's sale price
     * ({@code floor-not-below-sale-price}), below its cost without {@code belowCostAllowed} ({@code below-cost}), or
     * a single cut could be more than the whole room between them ({@code cut-exceeds-room}, on {@code maxCut}).
     */
    @Transactional
    public BargainActivityView create(BargainActivityDraft draft) {
        BargainActivityId id = bargains.insert(check(draft, null));
        BargainActivityView created = view(activityRecord(id));
        audit.record("BARGAIN_ACTIVITY_CREATED", "bargain-activity", id, created.name(), null, created);
        return created;
    }

    @Transactional
    public BargainActivityView update(BargainActivityId id, BargainActivityDraft draft, long expectedVersion) {
        BargainActivityRecord before = activityRecord(id);
        if (!bargains.update(check(draft, before), expectedVersion)) {
            throw refusal(activityRecord(id), expectedVersion, "edited");
        }
        BargainActivityView after = view(activityRecord(id));
        audit.record("BARGAIN_ACTIVITY_UPDATED", "bargain-activity", id, after.name(), view(before), after);
        return after;
    }

    @Transactional
    public void delete(BargainActivityId id) {
        BargainActivityRecord before = activityRecord(id);
        if (!bargains.delete(id)) {
            throw GroupBuySupport.illegal("Bargain activity", id, activityRecord(id).status(), "deleted");
        }
        audit.record("BARGAIN_ACTIVITY_DELETED", "bargain-activity", id, before.name(), view(before), null);
    }

    /** DRAFT → SCHEDULED, at {@code expectedVersion}; its end must be ahead and its prices must still hold. */
    @Transactional
    public BargainActivityView schedule(BargainActivityId id, long expectedVersion) {
        BargainActivityRecord before = activityRecord(id);
        if (before.status() != ActivityStatus.DRAFT) {
            throw GroupBuySupport.illegal("Bargain activity", id, before.status(), "scheduled");
        }
        if (!support.now().isBefore(before.endsAt())) {
            throw new BusinessRuleException("ends-in-the-past", "endsAt",
                    "the activity ended at %s: change its end before scheduling it".formatted(before.endsAt()));
        }
        SkuRef sku = support.sku(before.skuId());
        checkPrices(sku.salePrice(), sku.costPrice(), before.floorPrice(), before.belowCostAllowed(),
                before.maxCut());
        if (!bargains.transition(id, ActivityStatus.DRAFT, ActivityStatus.SCHEDULED, expectedVersion,
                support.now())) {
            throw refusal(activityRecord(id), expectedVersion, "scheduled");
        }
        BargainActivityView after = view(activityRecord(id));
        audit.record("BARGAIN_ACTIVITY_SCHEDULED", "bargain-activity", id, after.name(), view(before), after);
        return after;
    }

    /** Cancels a DRAFT or SCHEDULED activity: no new bargains; those started may be bought until their deadline. */
    @Transactional
    public BargainActivityView cancel(BargainActivityId id, @Nullable String reason) {
        Violations v = new Violations();
        v.text("reason", reason, false, 150);
        v.throwIfAny();
        BargainActivityRecord before = activityRecord(id);
        var now = support.now();
        boolean cancelled = false;
        for (ActivityStatus from : List.of(ActivityStatus.DRAFT, ActivityStatus.SCHEDULED)) {
            cancelled = cancelled || bargains.transition(id, from, ActivityStatus.CANCELLED, null, now);
        }
        if (!cancelled) {
            throw GroupBuySupport.illegal("Bargain activity", id, activityRecord(id).status(), "cancelled");
        }
        BargainActivityView after = view(activityRecord(id));
        audit.record("BARGAIN_ACTIVITY_CANCELLED", "bargain-activity", id,
                after.name() + (reason == null || reason.isBlank() ? "" : ": " + reason.trim()), view(before), after);
        return after;
    }

    /** Ends the scheduled activities whose end has passed (the job); returns how many. */
    @Transactional
    public int endFinished() {
        var now = support.now();
        int ended = 0;
        for (BargainActivityId id : bargains.finished(now, support.properties().jobBatchSize())) {
            BargainActivityRecord before = activityRecord(id);
            if (bargains.transition(id, ActivityStatus.SCHEDULED, ActivityStatus.ENDED, null, now)) {
                audit.record("BARGAIN_ACTIVITY_ENDED", "bargain-activity", id, before.name(), view(before),
                        view(activityRecord(id)));
                ended++;
            }
        }
        return ended;
    }

    private BargainActivityRecord activityRecord(BargainActivityId id) {
        return bargains.activity(id)
                .orElseThrow(() -> io.shopops.shared.NotFoundException.of("Bargain activity", id));
    }

    private static RuntimeException refusal(BargainActivityRecord now, long expectedVersion, String step) {
        if (now.version() != expectedVersion) {
            return new ConflictException("version", "the activity was changed by someone else (version %d, not %d): reload it"
                    .formatted(now.version(), expectedVersion));
        }
        return GroupBuySupport.illegal("Bargain activity", now.id(), now.status(), step);
    }

    private BargainActivityRecord check(BargainActivityDraft d, @Nullable BargainActivityRecord before) {
        Violations v = new Violations();
        v.text("name", d.name(), true, 100);
        v.check(d.skuId() != null, "skuId", "is required");
        support.price(v, "floorPrice", d.floorPrice());
        support.price(v, "minCut", d.minCut());
        support.price(v, "maxCut", d.maxCut());
        v.check(d.minCut() == null || d.maxCut() == null || d.maxCut().compareTo(d.minCut()) >= 0, "maxCut",
                "must not be below minCut");
        Integer helpers = GroupBuySupport.range(v, "maxHelpers", d.maxHelpers(), 1, 500, null);
        Integer hours = GroupBuySupport.range(v, "deadlineHours", d.deadlineHours(), 1, 72, null);
        GroupBuySupport.period(v, d.startsAt(), d.endsAt());
        v.throwIfAny();
        SkuRef sku = support.sku(d.skuId());
        Money floor = support.money(d.floorPrice());
        Money maxCut = support.money(d.maxCut());
        boolean belowCost = Boolean.TRUE.equals(d.belowCostAllowed());
        checkPrices(sku.salePrice(), sku.costPrice(), floor, belowCost, maxCut);
        var now = support.now();
        return new BargainActivityRecord(before == null ? new BargainActivityId(0) : before.id(), d.name().trim(),
                sku.id(), sku.skuCode(), GroupBuyActivities.title(sku), sku.salePrice(), floor, belowCost, helpers,
                hours, support.money(d.minCut()), maxCut, d.startsAt(), d.endsAt(), ActivityStatus.DRAFT,
                before == null ? GroupBuySupport.actor() : before.createdBy(), before == null ? now : before.createdAt(),
                now, before == null ? 0 : before.version());
    }

    /** The floor below the sale price, at or above cost unless allowed; one cut at most the room between them. */
    static void checkPrices(Money salePrice, Money costPrice, Money floor, boolean belowCostAllowed, Money maxCut) {
        if (floor.compareTo(salePrice) >= 0) {
            throw new BusinessRuleException("floor-not-below-sale-price", "floorPrice",
                    "must be below the SKU's sale price %s".formatted(salePrice.amount().toPlainString()));
        }
        if (floor.compareTo(costPrice) < 0 && !belowCostAllowed) {
            throw new BusinessRuleException("below-cost", "floorPrice",
                    "is below the SKU's cost price %s: set belowCostAllowed to sell at a loss"
                            .formatted(costPrice.amount().toPlainString()));
        }
        BigDecimal room = salePrice.minus(floor).amount();
        if (maxCut.amount().compareTo(room) > 0) {
            throw new BusinessRuleException("cut-exceeds-room", "maxCut",
                    "must not exceed %s, the room between the sale price and the floor".formatted(room.toPlainString()));
        }
    }

    BargainActivityView view(BargainActivityRecord r) {
        return new BargainActivityView(r.id(), r.name(), r.skuId(), r.skuCode(), r.title(), r.startPrice(),
                r.floorPrice(), r.belowCostAllowed(), r.maxHelpers(), r.deadlineHours(), r.minCut(), r.maxCut(),
                r.startsAt(), r.endsAt(), r.status(),
                ActivityPhase.of(r.status(), r.startsAt(), r.endsAt(), support.now()), r.createdBy(), r.createdAt(),
                r.updatedAt(), r.version());
    }
}
