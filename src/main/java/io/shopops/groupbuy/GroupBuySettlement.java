package io.shopops.groupbuy;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Predicate;

import io.shopops.audit.AuditLog;
import io.shopops.groupbuy.internal.GroupBuyRepository;
import io.shopops.groupbuy.internal.GroupRecord;
import io.shopops.groupbuy.internal.MemberRecord;
import io.shopops.ordering.OrderCancelled;
import io.shopops.ordering.OrderDetail;
import io.shopops.ordering.OrderId;
import io.shopops.ordering.OrderPaid;
import io.shopops.ordering.OrderStatus;
import io.shopops.ordering.Orders;
import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * How groups end and what that does to their members' orders (成團 / 拼團失敗).
 * <p>
 * A member's order is placed with a payment hold, so once paid it waits in review. Each payment counts once
 * ({@code PENDING_PAYMENT → PAID}, then {@code paid + 1}); the one that makes {@code paid = group_size} turns the group
 * SUCCEEDED, and its members' orders are released to fulfilment. A group whose deadline passes first turns FAILED
 * (the job), and every member's order is cancelled, which refunds in full what was paid. A member's order cancelled
 * while the group gathers gives the place back. All of this takes the group's row lock first, so the changes of one
 * group happen one after another, and each is a conditional UPDATE: a payment racing the failure, two last payments
 * at once, an event delivered twice or a job run twice change things once. Settling a member (release or cancel)
 * happens after the group's outcome is committed — at once by its event, and again by the job for whatever a race
 * or a refusal left — and is claimed by a conditional UPDATE of the member before the order is touched.
 */
@Service
public class GroupBuySettlement {

    private static final Logger log = LoggerFactory.getLogger(GroupBuySettlement.class);

    private final GroupBuyRepository groups;
    private final Orders orders;
    private final AuditLog audit;
    private final GroupBuySupport support;

    GroupBuySettlement(GroupBuyRepository groups, Orders orders, AuditLog audit, GroupBuySupport support) {
        this.groups = groups;
        this.orders = orders;
        this.audit = audit;
        this.support = support;
    }

    // --- jobs -------------------------------------------------------------------------------------------------

    /** Fails every gathering group whose deadline has passed, each in its own transaction; returns how many. */
    public int failExpired() {
        Instant now = support.now();
        return inBatches(limit -> groups.expired(now, limit), id -> fail(id, null, now));
    }

    /**
     * Settles every member still holding a place in a completed group (released, refunded or cancelled), each in its
     * own transaction; returns how many. A member whose order cannot be moved on yet is tried again next time.
     */
    public int settleCompleted() {
        return inBatches(groups::unsettled, this::settle);
    }

    /** Gives back the places whose hold ran out without an order; returns how many. */
    public int releaseUnusedPlaces() {
        Instant now = support.now();
        return inBatches(limit -> groups.unusedPlaces(now, limit), id -> {
            MemberRecord m = groups.member(id).orElse(null);
            if (m == null || !groups.lockGroup(m.groupId(), null)) {
                return false;
            }
            MemberRecord locked = groups.member(id).orElseThrow();
            if (locked.status() != MembershipStatus.PENDING_PAYMENT || locked.orderId() != null
                    || locked.holdUntil().isAfter(now)) {
                return false;
            }
            return leave(locked, "no order was placed within the hold");
        });
    }

    // --- steps, in the caller's transaction -------------------------------------------------------------------

    /**
     * Fails a gathering group (with {@code expiredBy}, only if its deadline is not after it), for {@code reason} or,
     * when null, because its time ran out; its members are settled after the commit. True if this call failed it.
     */
    boolean fail(GroupId id, @Nullable String reason, @Nullable Instant expiredBy) {
        if (!groups.lockGroup(id, null)) {
            return false;
        }
        GroupRecord before = groups.group(id).orElseThrow();
        String why = reason != null ? reason
                : "time ran out with %d of %d places paid".formatted(before.paid(), before.groupSize());
        Instant now = support.now();
        if (!groups.fail(id, why, expiredBy, now)) {
            return false;
        }
        GroupRecord after = groups.group(id).orElseThrow();
        audit.record("GROUP_BUY_GROUP_FAILED", "group-buy-group", id, why, before, after);
        support.publish(new GroupBuyFailed(id, before.activityId(), before.paid(), before.groupSize(), why, now));
        return true;
    }

    /**
     * A member's order was paid. While the group gathers and the money came before its deadline, the place counts as
     * paid (once); the payment that fills the group makes it succeed (once). A payment for a group that has failed is
     * settled at once: the order is cancelled and refunded.
     */
    void paid(OrderPaid paid) {
        MemberRecord member = groups.memberByOrder(paid.orderId()).orElse(null);
        if (member == null) {
            return;
        }
        if (groups.lockGroup(member.groupId(), paid.paidAt())) {
            if (groups.markPaid(member.id(), paid.orderId(), paid.amount(), paid.paidAt())
                    && groups.countPayment(member.groupId())) {
                succeedIfFull(member.groupId());
            }
            return;
        }
        GroupRecord group = groups.group(member.groupId()).orElseThrow();
        if (group.status() == GroupStatus.OPEN) {
            // paid at or after the deadline, before the job failed the group: it fails now (once its time is up)
            fail(group.id(), null, support.now());
        }
        settle(member.id());
    }

    private void succeedIfFull(GroupId id) {
        GroupRecord before = groups.group(id).orElseThrow();
        Instant now = support.now();
        if (!groups.succeed(id, now)) {
            return;
        }
        GroupRecord after = groups.group(id).orElseThrow();
        audit.record("GROUP_BUY_GROUP_SUCCEEDED", "group-buy-group", id,
                "%d of %d places paid".formatted(after.paid(), after.groupSize()), before, after);
        support.publish(new GroupBuySucceeded(id, after.activityId(), after.groupSize(), now));
    }

    /**
     * A member's order was cancelled (by the customer, staff or its payment window). While the group gathers, the
     * place goes back to it (and its payment no longer counts); once the group has completed, the member is settled.
     */
    void cancelled(OrderCancelled cancelled) {
        MemberRecord member = groups.memberByOrder(cancelled.orderId()).orElse(null);
        if (member == null || !member.status().isActive()) {
            return;
        }
        if (groups.lockGroup(member.groupId(), null)) {
            MemberRecord locked = groups.member(member.id()).orElseThrow();
            if (locked.status().isActive() && cancelled.orderId().equals(locked.orderId())) {
                leave(locked, "the order was cancelled: " + cancelled.reason());
            }
            return;
        }
        settle(member.id());
    }

    /** Gives a place of a gathering group back (the group's row is locked by the caller). */
    private boolean leave(MemberRecord member, String why) {
        if (!groups.end(member.id(), member.status(), MembershipStatus.CANCELLED, support.now(), why, null)) {
            return false;
        }
        groups.freePlace(member.groupId(), member.status() == MembershipStatus.PAID);
        groups.giveQuota(member.activityId(), member.customerId());
        return true;
    }

    /** Settles a member of a completed group; true if this call settled it. */
    boolean settle(MembershipId id) {
        MemberRecord member = groups.member(id).orElse(null);
        if (member == null || !member.status().isActive()) {
            return false;
        }
        GroupRecord group = groups.group(member.groupId()).orElseThrow();
        return switch (group.status()) {
            case OPEN -> false;
            case SUCCEEDED -> settleSucceeded(member, group);
            case FAILED -> settleFailed(member, group);
        };
    }

    /**
     * The group succeeded: the member's paid order goes on to fulfilment. It waits in review by its payment hold;
     * if ordering has not put it there yet, it is held now (whichever comes first wins, the other finds it held).
     * An order flagged abnormal stays in review for staff.
     */
    private boolean settleSucceeded(MemberRecord member, GroupRecord group) {
        if (member.status() != MembershipStatus.PAID || member.orderId() == null) {
            return false;
        }
        OrderId orderId = member.orderId();
        OrderDetail order = orders.detail(orderId);
        if (order.status() == OrderStatus.PAID) {
            support.tryUnderSavepoint(() -> orders.hold(orderId, "group buy #%s succeeded".formatted(group.id())));
            order = orders.detail(orderId);
        }
        return switch (order.status()) {
            case UNDER_REVIEW -> {
                if (order.abnormal()) {
                    yield end(member, MembershipStatus.RELEASED, "the group succeeded; the order is flagged abnormal "
                            + "and waits in review for staff: " + order.abnormalReason(), null);
                }
                if (!end(member, MembershipStatus.RELEASED, null, null)) {
                    yield false;
                }
                // a refusal (the order moved meanwhile) undoes this settlement; the job tries again
                orders.release(orderId);
                yield true;
            }
            case CANCELLED -> end(member, accepted(order).isZero() ? MembershipStatus.CANCELLED
                    : MembershipStatus.REFUNDED, "the order was cancelled after the group succeeded",
                    accepted(order).isZero() ? null : accepted(order));
            case ALLOCATED, PARTIALLY_SHIPPED, SHIPPED, DELIVERED, COMPLETED -> end(member, MembershipStatus.RELEASED,
                    "the order had been released by staff already", null);
            case PENDING_PAYMENT, PAID -> false;
        };
    }

    /**
     * The group failed: the member's order is cancelled, which refunds in full what was paid for it. The member is
     * claimed first (a conditional UPDATE), so only one settlement cancels the order; a refusal of the cancellation
     * (the order moved meanwhile) undoes the claim, and the job tries again.
     */
    private boolean settleFailed(MemberRecord member, GroupRecord group) {
        String why = "group buy #%s failed: %s".formatted(group.id(), group.failureReason());
        if (member.orderId() == null) {
            return end(member, MembershipStatus.CANCELLED, "the group failed before an order was placed", null);
        }
        OrderId orderId = member.orderId();
        OrderDetail order = orders.detail(orderId);
        return switch (order.status()) {
            case CANCELLED -> end(member, accepted(order).isZero() ? MembershipStatus.CANCELLED
                    : MembershipStatus.REFUNDED, "the order had been cancelled already; " + why,
                    accepted(order).isZero() ? null : accepted(order));
            case PENDING_PAYMENT, PAID, UNDER_REVIEW, ALLOCATED -> {
                if (!end(member, MembershipStatus.CANCELLED, why, null)) {
                    yield false;
                }
                OrderDetail after = cancel(orderId, why);
                Money refund = accepted(after);
                if (!refund.isZero()) {
                    groups.refunded(member.id(), refund);
                    audit.record("GROUP_BUY_MEMBER_REFUNDED", "group-buy-member", member.id(),
                            "order %s cancelled and %s refunded: %s".formatted(after.orderNumber(), refund, why),
                            member, groups.member(member.id()).orElseThrow());
                }
                yield true;
            }
            case PARTIALLY_SHIPPED, SHIPPED, DELIVERED, COMPLETED -> end(member, MembershipStatus.RELEASED,
                    "the group failed, but the order had been released by staff and shipped: not cancelled", null);
        };
    }

    /**
     * Cancels the member's order, which refunds what it accepted. The order may be moving on at the same moment (its
     * payment arriving, ordering putting the paid order in review), which refuses a cancellation from the status read
     * a moment before: it is read again and cancelled from where it is now. Gives up (undoing the settlement, for the
     * job to try again) only when the order keeps moving or can no longer be cancelled.
     */
    private OrderDetail cancel(OrderId orderId, String why) {
        for (int attempt = 0; attempt < 5; attempt++) {
            OrderDetail[] cancelled = new OrderDetail[1];
            if (support.tryUnderSavepoint(() -> cancelled[0] = orders.cancel(orderId, why))) {
                return cancelled[0];
            }
            OrderDetail now = orders.detail(orderId);
            if (now.status() == OrderStatus.CANCELLED) {
                return now;
            }
        }
        throw new IllegalStateException("Order %s kept moving while its group's failure cancelled it".formatted(orderId));
    }

    /** Ends the member's place with its outcome (once) and gives the customer's quota back. */
    private boolean end(MemberRecord member, MembershipStatus to, @Nullable String note, @Nullable Money refund) {
        if (!groups.end(member.id(), member.status(), to, support.now(), note, refund)) {
            return false;
        }
        groups.giveQuota(member.activityId(), member.customerId());
        if (to == MembershipStatus.RELEASED) {
            audit.record("GROUP_BUY_MEMBER_RELEASED", "group-buy-member", member.id(),
                    "order %s%s".formatted(member.orderNumber(), note == null ? " released to fulfilment" : ": " + note),
                    member, groups.member(member.id()).orElseThrow());
        }
        return true;
    }

    /** What the order accepted as its payment (what a cancellation refunds). */
    private static Money accepted(OrderDetail order) {
        return order.payments().stream().filter(p -> p.outcome().equals("ACCEPTED")).map(OrderDetail.PaymentView::amount)
                .reduce(Money.zero(order.total().currency()), Money::plus);
    }

    /** Settles every member of a group that has completed, each in its own transaction. */
    void settleMembers(GroupId id) {
        for (MemberRecord member : support.inTransaction(() -> groups.members(id))) {
            if (!member.status().isActive()) {
                continue;
            }
            try {
                support.inTransaction(() -> settle(member.id()));
            } catch (RuntimeException e) {
                log.warn("Member {} of group {} could not be settled now; the job tries again: {}", member.id(), id,
                        e.getMessage());
            }
        }
    }

    /** Runs the step for everything due, each in its own transaction; one that fails is skipped from then on. */
    private <T> int inBatches(IntFunction<List<T>> due, Predicate<T> step) {
        Set<T> skipped = new HashSet<>();
        int done = 0;
        while (true) {
            List<T> pending = support.inTransaction(() -> due.apply(support.properties().jobBatchSize()
                    + skipped.size())).stream().filter(id -> !skipped.contains(id)).toList();
            if (pending.isEmpty()) {
                return done;
            }
            for (T id : pending) {
                try {
                    if (Boolean.TRUE.equals(support.inTransaction(() -> step.test(id)))) {
                        done++;
                    } else {
                        skipped.add(id);
                    }
                } catch (RuntimeException e) {
                    skipped.add(id);
                    log.error("{} could not be moved on by the group-buy job", id, e);
                }
            }
        }
    }
}
