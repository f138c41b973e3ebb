package io.shopops.groupbuy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.shopops.catalog.Catalog;
import io.shopops.catalog.SkuRef;
import io.shopops.customer.CustomerId;
import io.shopops.groupbuy.internal.GroupBuyRecord;
import io.shopops.groupbuy.internal.GroupBuyRepository;
import io.shopops.groupbuy.internal.MemberRecord;
import io.shopops.ordering.OrderDetail;
import io.shopops.ordering.Orders;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.ConflictException;
import io.shopops.shared.Money;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.idempotency.IdempotencyStore;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Group buying as customers take part in it (拼團): open a group of a running activity or join one still gathering,
 * which takes a place (a conditional UPDATE while {@code members < group_size}) and counts against the customer's
 * limit in the activity; then check the activity's SKU out alone, one unit, before the place's hold runs out: the
 * group price applies and the order waits, once paid, for the group. Staff read the groups, their members' orders
 * and the monitor's figures here.
 */
@Service
public class GroupBuys {

    private static final int MAX_RUNNING = 100;

    private final GroupBuyRepository groups;
    private final Catalog catalog;
    private final Orders orders;
    private final IdempotencyStore idempotency;
    private final GroupBuySupport support;

    GroupBuys(GroupBuyRepository groups, Catalog catalog, Orders orders, IdempotencyStore idempotency,
            GroupBuySupport support) {
        this.groups = groups;
        this.catalog = catalog;
        this.orders = orders;
        this.idempotency = idempotency;
        this.support = support;
    }

    // --- the storefront ---------------------------------------------------------------------------------------

    /** The activities running now, ending soonest first. */
    @Transactional(readOnly = true)
    public List<GroupBuyView> running() {
        return groups.running(support.now(), MAX_RUNNING).stream().map(support::view).toList();
    }

    /** The activity's groups still gathering, the soonest deadline first (404 for an unknown activity). */
    @Transactional(readOnly = true)
    public Page<GroupView> gathering(GroupBuyId activity, PageQuery page) {
        support.activity(activity);
        return groups.groups(activity, GroupStatus.OPEN, page).map(GroupBuySupport::view);
    }

    @Transactional(readOnly = true)
    public GroupView group(GroupId id) {
        return GroupBuySupport.view(support.group(id));
    }

    /** What an idempotency key guards when opening: the same activity. */
    private record Opening(GroupBuyId activityId) {
    }

    /**
     * Opens a group of a running activity with the customer's place in it (the first of its {@code groupSize}); its
     * deadline is {@code timeLimitHours} from now. Refused with 404 for an unknown activity and 422 when the activity
     * is not running ({@code activity-not-running}), its SKU is not on sale ({@code not-sellable}) or the customer
     * holds as many places as the activity allows ({@code place-limit-reached}). With an Idempotency-Key a retry
     * gets the same place back.
     */
    @Transactional
    public MembershipView open(CustomerId customer, GroupBuyId activityId, @Nullable String idempotencyKey) {
        if (idempotencyKey == null) {
            return openNow(customer, activityId);
        }
        return idempotency.execute("groupbuy:customer:" + customer.value(), idempotencyKey, new Opening(activityId),
                MembershipView.class, () -> openNow(customer, activityId)).value();
    }

    private MembershipView openNow(CustomerId customer, GroupBuyId activityId) {
        GroupBuyRecord activity = support.activity(activityId);
        Instant now = support.now();
        ActivityPhase phase = ActivityPhase.of(activity.status(), activity.startsAt(), activity.endsAt(), now);
        if (phase != ActivityPhase.RUNNING) {
            throw new BusinessRuleException("activity-not-running", "activityId",
                    "group buy %s is not running (%s)".formatted(activity.name(), phase));
        }
        SkuRef sku = catalog.sku(activity.skuId()).filter(SkuRef::isSellable)
                .orElseThrow(() -> new BusinessRuleException("not-sellable", "activityId",
                        "SKU %s of group buy %s is not on sale now".formatted(activity.skuCode(), activity.name())));
        takeQuota(activity, customer);
        Instant deadline = now.plus(java.time.Duration.ofHours(activity.timeLimitHours()));
        GroupId group = groups.insertGroup(activityId, customer, activity.groupSize(), now, deadline);
        MembershipId id = groups.insertMember(group, activityId, customer, sku.id(), true,
                activity.groupPrice().currency(), now, holdUntil(now, deadline));
        return support.view(groups.member(id).orElseThrow());
    }

    /**
     * Joins a group still gathering: takes one of its places. Asking again gives the same place (also when two
     * requests race); a place given up (its order cancelled) is taken again. Refused with 404 for an unknown group
     * and 422 when it is no longer gathering ({@code group-closed}), has no place left ({@code group-full}) or the
     * customer holds as many places as the activity allows ({@code place-limit-reached}).
     */
    public MembershipView join(CustomerId customer, GroupId groupId) {
        try {
            return support.inTransaction(() -> joinNow(customer, groupId));
        } catch (DuplicateKeyException raced) {
            // the same customer's parallel request took the place first: it is the answer to both
            return support.inTransaction(() -> support.view(groups.membership(groupId, customer)
                    .orElseThrow(() -> new ConflictException("groupId", "the group changed meanwhile; try again"))));
        }
    }

    private MembershipView joinNow(CustomerId customer, GroupId groupId) {
        GroupBuyRepository.GroupRow row = support.group(groupId);
        MemberRecord existing = support.membership(groupId, customer);
        if (existing != null && existing.status() != MembershipStatus.CANCELLED) {
            return GroupBuySupport.view(existing, row);
        }
        GroupBuyRecord activity = support.activity(row.group().activityId());
        Instant now = support.now();
        if (row.group().status() != GroupStatus.OPEN || !now.isBefore(row.group().deadline())) {
            throw closed(row);
        }
        // the place's row first: the same customer's parallel join waits on its key and finds it taken
        Instant hold = holdUntil(now, row.group().deadline());
        MembershipId id;
        if (existing != null) {
            if (!groups.rejoin(existing.id(), now, hold)) {
                MemberRecord again = groups.member(existing.id()).orElseThrow();
                if (again.status() == MembershipStatus.CANCELLED) {
                    throw new ConflictException("groupId", "the place changed meanwhile; try again");
                }
                return GroupBuySupport.view(again, support.group(groupId));
            }
            id = existing.id();
        } else {
            id = groups.insertMember(groupId, activity.id(), customer, activity.skuId(), false,
                    activity.groupPrice().currency(), now, hold);
        }
        if (!groups.takePlace(groupId, now)) {
            GroupBuyRepository.GroupRow again = support.group(groupId);
            if (again.group().status() != GroupStatus.OPEN || !now.isBefore(again.group().deadline())) {
                throw closed(again);
            }
            throw new BusinessRuleException("group-full", "groupId",
                    "group #%s has all of its %d places taken".formatted(groupId, again.group().groupSize()));
        }
        takeQuota(activity, customer);
        return support.view(groups.member(id).orElseThrow());
    }

    private static BusinessRuleException closed(GroupBuyRepository.GroupRow row) {
        return new BusinessRuleException("group-closed", "groupId", "group #%s is no longer gathering (%s)"
                .formatted(row.group().id(), row.group().status() == GroupStatus.OPEN ? "its time ran out"
                        : row.group().status()));
    }

    /** Counts one more place of the customer in the activity, or refuses (422 {@code place-limit-reached}). */
    private void takeQuota(GroupBuyRecord activity, CustomerId customer) {
        if (!groups.hasQuota(activity.id(), customer)) {
            support.insertOnce(() -> groups.insertQuota(activity.id(), customer));
        }
        if (!groups.takeQuota(activity.id(), customer, activity.perCustomerLimit())) {
            throw new BusinessRuleException("place-limit-reached", "activityId",
                    "you already hold %d place(s) in group buy %s's gathering groups, as many as it allows"
                            .formatted(activity.perCustomerLimit(), activity.name()));
        }
    }

    private Instant holdUntil(Instant now, Instant deadline) {
        Instant hold = now.plus(support.properties().placeHold());
        return hold.isBefore(deadline) ? hold : deadline;
    }

    /** The customer's places, newest first. */
    @Transactional(readOnly = true)
    public Page<MembershipView> mine(CustomerId customer, PageQuery page) {
        Page<MemberRecord> found = groups.membersOf(customer, page);
        Map<GroupId, GroupBuyRepository.GroupRow> rows = groups.groupRows(
                found.items().stream().map(MemberRecord::groupId).toList());
        return found.map(m -> GroupBuySupport.view(m, rows.get(m.groupId())));
    }

    /** One of the customer's places; another customer's is as missing as one that does not exist (404). */
    @Transactional(readOnly = true)
    public MembershipView membership(CustomerId customer, MembershipId id) {
        return groups.member(id).filter(m -> m.customerId().equals(customer)).map(support::view)
                .orElseThrow(() -> NotFoundException.of("Group-buy place", id));
    }

    // --- staff ------------------------------------------------------------------------------------------------

    /** Groups matching the filters: gathering ones by deadline, the others newest first. */
    @Transactional(readOnly = true)
    public Page<GroupView> find(GroupQuery query, PageQuery page) {
        return groups.groups(query.activityId(), query.status(), page).map(GroupBuySupport::view);
    }

    /** A group with its opener and every member with the order paying for the place (404 if there is none). */
    @Transactional(readOnly = true)
    public GroupDetail detail(GroupId id) {
        GroupBuyRepository.GroupRow row = support.group(id);
        List<GroupDetail.Member> members = new ArrayList<>();
        for (MemberRecord m : groups.members(id)) {
            GroupDetail.MemberOrder order = null;
            if (m.orderId() != null) {
                OrderDetail o = orders.detail(m.orderId());
                order = new GroupDetail.MemberOrder(o.id(), o.orderNumber(), o.status(), o.total(), o.paidAmount(),
                        o.refundedAmount());
            }
            members.add(new GroupDetail.Member(m.id(), m.customerId(), m.opener(), m.status(), m.paidAmount(),
                    m.refundAmount(), m.joinedAt(), m.paidAt(), m.endedAt(), m.note(), order));
        }
        return new GroupDetail(GroupBuySupport.view(row), row.group().openerId(), members);
    }

    /** The monitor's figures over every group (definitions in docs/metrics.md). */
    @Transactional(readOnly = true)
    public GroupBuyFigures figures() {
        long open = 0;
        long succeeded = 0;
        long failed = 0;
        List<GroupBuyFigures.ActivityCounts> activities = new ArrayList<>();
        for (var entry : groups.groupCounts().entrySet()) {
            Map<GroupStatus, Long> counts = entry.getValue();
            long o = counts.getOrDefault(GroupStatus.OPEN, 0L);
            long s = counts.getOrDefault(GroupStatus.SUCCEEDED, 0L);
            long f = counts.getOrDefault(GroupStatus.FAILED, 0L);
            activities.add(new GroupBuyFigures.ActivityCounts(entry.getKey(), o, s, f));
            open += o;
            succeeded += s;
            failed += f;
        }
        long released = 0;
        long refunded = 0;
        Money refundedAmount = Money.zero(support.shop().currency());
        for (GroupBuyRepository.MemberCount count : groups.memberCounts()) {
            if (count.status() == MembershipStatus.RELEASED) {
                released += count.members();
            } else if (count.status() == MembershipStatus.REFUNDED) {
                refunded += count.members();
            }
            if (count.refunded().currency().equals(refundedAmount.currency())) {
                refundedAmount = refundedAmount.plus(count.refunded());
            }
        }
        return new GroupBuyFigures(open, succeeded, failed, rate(succeeded, succeeded + failed), released, refunded,
                refundedAmount, activities);
    }

    static @Nullable BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
