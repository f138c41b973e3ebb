package io.shopops.groupbuy;

import java.util.List;

import io.shopops.audit.AuditLog;
import io.shopops.catalog.SkuRef;
import io.shopops.groupbuy.internal.GroupBuyRecord;
import io.shopops.groupbuy.internal.GroupBuyRepository;
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
 * Group-buy activities as marketing staff run them (拼團活動): written as DRAFTs (editable, deletable), SCHEDULED
 * to run between their start and end, CANCELLED (its gathering groups fail and their members are refunded) or
 * ENDED by the job once their end has passed (groups opened before still run to their deadline). Every change is
 * in the audit log.
 */
@Service
public class GroupBuyActivities {

    private final GroupBuyRepository groups;
    private final GroupBuySettlement settlement;
    private final AuditLog audit;
    private final GroupBuySupport support;

    GroupBuyActivities(GroupBuyRepository groups, GroupBuySettlement settlement, AuditLog audit,
            GroupBuySupport support) {
        this.groups = groups;
        this.settlement = settlement;
        this.audit = audit;
        this.support = support;
    }

    /** Activities in a status (any when null) whose name or SKU code contains {@code text}, newest first. */
    @Transactional(readOnly = true)
    public Page<GroupBuyView> find(@Nullable ActivityStatus status, @Nullable String text, PageQuery page) {
        Violations v = new Violations();
        v.text("q", text, false, 100);
        v.throwIfAny();
        return groups.activities(status, text == null || text.isBlank() ? null : text.trim(), page)
                .map(support::view);
    }

    @Transactional(readOnly = true)
    public GroupBuyView activity(GroupBuyId id) {
        return support.view(support.activity(id));
    }

    /**
     * Writes a DRAFT. Refused with 400 naming each bad field (an unknown {@code skuId} included), and with 422
     * naming {@code groupPrice} when it is not below the SKU's sale price ({@code group-price-not-below-sale-price})
     * or below its cost without {@code belowCostAllowed} ({@code below-cost}).
     */
    @Transactional
    public GroupBuyView create(GroupBuyDraft draft) {
        GroupBuyRecord checked = check(draft, null);
        GroupBuyId id = groups.insert(checked);
        GroupBuyView created = support.view(support.activity(id));
        audit.record("GROUP_BUY_CREATED", "group-buy", id, created.name(), null, created);
        return created;
    }

    /** Rewrites a DRAFT read at {@code expectedVersion} (409 when changed since; 422 once scheduled). */
    @Transactional
    public GroupBuyView update(GroupBuyId id, GroupBuyDraft draft, long expectedVersion) {
        GroupBuyRecord before = support.activity(id);
        GroupBuyRecord checked = check(draft, before);
        if (!groups.update(checked, expectedVersion)) {
            throw refusal(support.activity(id), expectedVersion, "edited");
        }
        GroupBuyView after = support.view(support.activity(id));
        audit.record("GROUP_BUY_UPDATED", "group-buy", id, after.name(), support.view(before), after);
        return after;
    }

    /** Deletes a DRAFT (422 once scheduled: cancel it instead). */
    @Transactional
    public void delete(GroupBuyId id) {
        GroupBuyRecord before = support.activity(id);
        if (!groups.delete(id)) {
            throw GroupBuySupport.illegal("Group-buy activity", id, support.activity(id).status(), "deleted");
        }
        audit.record("GROUP_BUY_DELETED", "group-buy", id, before.name(), support.view(before), null);
    }

    /**
     * Publishes a DRAFT read at {@code expectedVersion}: DRAFT → SCHEDULED. Its end must still be ahead (422
     * {@code ends-in-the-past} naming {@code endsAt}) and its prices must still hold against the SKU as it is now.
     */
    @Transactional
    public GroupBuyView schedule(GroupBuyId id, long expectedVersion) {
        GroupBuyRecord before = support.activity(id);
        if (before.status() != ActivityStatus.DRAFT) {
            throw GroupBuySupport.illegal("Group-buy activity", id, before.status(), "scheduled");
        }
        if (!support.now().isBefore(before.endsAt())) {
            throw new BusinessRuleException("ends-in-the-past", "endsAt",
                    "the activity ended at %s: change its end before scheduling it".formatted(before.endsAt()));
        }
        checkPrices(support.sku(before.skuId()), before.groupPrice(), before.belowCostAllowed());
        if (!groups.transition(id, ActivityStatus.DRAFT, ActivityStatus.SCHEDULED, expectedVersion, support.now())) {
            throw refusal(support.activity(id), expectedVersion, "scheduled");
        }
        GroupBuyView after = support.view(support.activity(id));
        audit.record("GROUP_BUY_SCHEDULED", "group-buy", id, after.name(), support.view(before), after);
        return after;
    }

    /**
     * Cancels a DRAFT or SCHEDULED activity for a reason (optional): every group still gathering fails, and its
     * members' orders are cancelled and refunded after the commit.
     */
    @Transactional
    public GroupBuyView cancel(GroupBuyId id, @Nullable String reason) {
        Violations v = new Violations();
        v.text("reason", reason, false, 150);
        v.throwIfAny();
        GroupBuyRecord before = support.activity(id);
        var now = support.now();
        boolean cancelled = false;
        for (ActivityStatus from : List.of(ActivityStatus.DRAFT, ActivityStatus.SCHEDULED)) {
            cancelled = cancelled || groups.transition(id, from, ActivityStatus.CANCELLED, null, now);
        }
        if (!cancelled) {
            throw GroupBuySupport.illegal("Group-buy activity", id, support.activity(id).status(), "cancelled");
        }
        String why = "activity cancelled" + (reason == null || reason.isBlank() ? "" : ": " + reason.trim());
        for (GroupId group : groups.openGroupsOf(id)) {
            settlement.fail(group, why, null);
        }
        GroupBuyView after = support.view(support.activity(id));
        audit.record("GROUP_BUY_CANCELLED", "group-buy", id, after.name() + ": " + why, support.view(before), after);
        return after;
    }

    /** Ends the scheduled activities whose end has passed (the job); returns how many. */
    @Transactional
    public int endFinished() {
        var now = support.now();
        int ended = 0;
        for (GroupBuyId id : groups.finished(now, support.properties().jobBatchSize())) {
            GroupBuyRecord before = support.activity(id);
            if (groups.transition(id, ActivityStatus.SCHEDULED, ActivityStatus.ENDED, null, now)) {
                audit.record("GROUP_BUY_ENDED", "group-buy", id, before.name(), support.view(before),
                        support.view(support.activity(id)));
                ended++;
            }
        }
        return ended;
    }

    /** The reason a conditional change did not happen: a stale version (409) or a status that forbids it (422). */
    private static RuntimeException refusal(GroupBuyRecord now, long expectedVersion, String step) {
        if (now.version() != expectedVersion) {
            return new ConflictException("version", "the activity was changed by someone else (version %d, not %d): reload it"
                    .formatted(now.version(), expectedVersion));
        }
        return GroupBuySupport.illegal("Group-buy activity", now.id(), now.status(), step);
    }

    private GroupBuyRecord check(GroupBuyDraft d, @Nullable GroupBuyRecord before) {
        Violations v = new Violations();
        v.text("name", d.name(), true, 100);
        v.check(d.skuId() != null, "skuId", "is required");
        support.price(v, "groupPrice", d.groupPrice());
        Integer size = GroupBuySupport.range(v, "groupSize", d.groupSize(), 2, 100, null);
        Integer hours = GroupBuySupport.range(v, "timeLimitHours", d.timeLimitHours(), 1, 72, null);
        Integer limit = GroupBuySupport.range(v, "perCustomerLimit", d.perCustomerLimit(), 1, 100, 1);
        GroupBuySupport.period(v, d.startsAt(), d.endsAt());
        v.throwIfAny();
        SkuRef sku = support.sku(d.skuId());
        Money price = support.money(d.groupPrice());
        boolean belowCost = Boolean.TRUE.equals(d.belowCostAllowed());
        checkPrices(sku, price, belowCost);
        var now = support.now();
        return new GroupBuyRecord(before == null ? new GroupBuyId(0) : before.id(), d.name().trim(), sku.id(),
                sku.skuCode(), title(sku), price, belowCost, size, hours, limit, d.startsAt(), d.endsAt(),
                ActivityStatus.DRAFT, before == null ? GroupBuySupport.actor() : before.createdBy(),
                before == null ? now : before.createdAt(), now, before == null ? 0 : before.version());
    }

    static String title(SkuRef sku) {
        String title = sku.specText().isEmpty() ? sku.productTitle() : sku.productTitle() + " " + sku.specText();
        return title.length() <= 200 ? title : title.substring(0, 199) + "…";
    }

    /** The group price must be below the sale price, and at or above the cost unless selling at a loss is allowed. */
    static void checkPrices(SkuRef sku, Money groupPrice, boolean belowCostAllowed) {
        if (groupPrice.compareTo(sku.salePrice()) >= 0) {
            throw new BusinessRuleException("group-price-not-below-sale-price", "groupPrice",
                    "must be below the SKU's sale price %s".formatted(sku.salePrice().amount().toPlainString()));
        }
        if (groupPrice.compareTo(sku.costPrice()) < 0 && !belowCostAllowed) {
            throw new BusinessRuleException("below-cost", "groupPrice",
                    "is below the SKU's cost price %s: set belowCostAllowed to sell at a loss"
                            .formatted(sku.costPrice().amount().toPlainString()));
        }
    }
}
