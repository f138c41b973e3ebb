package io.shopops.groupbuy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import io.shopops.catalog.Catalog;
import io.shopops.catalog.SkuId;
import io.shopops.catalog.SkuRef;
import io.shopops.customer.CustomerId;
import io.shopops.groupbuy.internal.GroupBuyProperties;
import io.shopops.groupbuy.internal.GroupBuyRecord;
import io.shopops.groupbuy.internal.GroupBuyRepository;
import io.shopops.groupbuy.internal.MemberRecord;
import io.shopops.shared.Actors;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.Money;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.ShopProperties;
import io.shopops.shared.Violations;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the group-buy and bargain facades share: the time, the acting member, reading activities and groups, the
 * checks every activity's fields need, the views, transactions and events. Not part of the module's API.
 */
@Component
class GroupBuySupport {

    /** Activity times outside these years are refused as typing mistakes (and kept out of the database). */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("3000-01-01T00:00:00Z");

    private final GroupBuyRepository groups;
    private final Catalog catalog;
    private final GroupBuyProperties properties;
    private final ShopProperties shop;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final TransactionTemplate savepoint;

    GroupBuySupport(GroupBuyRepository groups, Catalog catalog, GroupBuyProperties properties, ShopProperties shop,
            ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactionManager) {
        this.groups = groups;
        this.catalog = catalog;
        this.properties = properties;
        this.shop = shop;
        this.events = events;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.savepoint = new TransactionTemplate(transactionManager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    static String actor() {
        return Actors.current().username();
    }

    GroupBuyProperties properties() {
        return properties;
    }

    ShopProperties shop() {
        return shop;
    }

    void publish(Object event) {
        events.publishEvent(event);
    }

    /** Runs the work in a transaction of its own (or the caller's, when there is one). */
    <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    /**
     * Runs a call to another module that may refuse, under a savepoint: a refusal undoes only what the call did, and
     * the caller's transaction goes on. Answers whether the call went through.
     */
    boolean tryUnderSavepoint(Runnable call) {
        try {
            savepoint.executeWithoutResult(status -> call.run());
            return true;
        } catch (io.shopops.shared.DomainException refused) {
            return false;
        }
    }

    /** Inserts under a savepoint a row that a parallel call may have inserted first (then it is there already). */
    void insertOnce(Runnable insert) {
        try {
            savepoint.executeWithoutResult(status -> insert.run());
        } catch (DuplicateKeyException raced) {
            // written by the other call: what we wanted is there
        }
    }

    // --- reading ----------------------------------------------------------------------------------------------

    GroupBuyRecord activity(GroupBuyId id) {
        return groups.activity(id).orElseThrow(() -> NotFoundException.of("Group-buy activity", id));
    }

    GroupBuyRepository.GroupRow group(GroupId id) {
        return groups.groupRow(id).orElseThrow(() -> NotFoundException.of("Group", id));
    }

    /** The SKU an activity is for, as the catalog knows it now (400 naming {@code skuId} if it does not exist). */
    SkuRef sku(SkuId id) {
        return catalog.sku(id).orElseThrow(() -> NotFoundException.reference("skuId", "SKU", id));
    }

    /** The refusal of a step an activity's status does not allow (422 {@code illegal-transition}). */
    static BusinessRuleException illegal(String what, Object id, ActivityStatus status, String step) {
        return new BusinessRuleException("illegal-transition", "status",
                "%s %s is %s and cannot be %s".formatted(what, id, status, step));
    }

    // --- checks -----------------------------------------------------------------------------------------------

    /** A whole number from {@code min} to {@code max}; {@code fallback} when missing, required when that is null. */
    static @Nullable Integer range(Violations v, String field, @Nullable Integer value, int min, int max,
            @Nullable Integer fallback) {
        Integer given = value == null ? fallback : value;
        if (given == null) {
            v.add(field, "is required");
        } else if (given < min || given > max) {
            v.add(field, "must be between %d and %d".formatted(min, max));
        }
        return given;
    }

    /** A price above zero with at most the currency's decimals. */
    void price(Violations v, String field, @Nullable BigDecimal value) {
        if (value != null && value.signum() == 0) {
            v.add(field, "must be above 0");
            return;
        }
        v.amount(field, value, shop.currency());
    }

    /** Both times given, in a sane range, the end after the start. */
    static void period(Violations v, @Nullable Instant startsAt, @Nullable Instant endsAt) {
        time(v, "startsAt", startsAt);
        time(v, "endsAt", endsAt);
        v.check(startsAt == null || endsAt == null || endsAt.isAfter(startsAt), "endsAt", "must be after startsAt");
    }

    private static void time(Violations v, String field, @Nullable Instant at) {
        if (at == null) {
            v.add(field, "is required");
        } else if (at.isBefore(EARLIEST) || !at.isBefore(LATEST)) {
            v.add(field, "must be in the years 2000 to 2999");
        }
    }

    Money money(BigDecimal amount) {
        return Money.of(amount, shop.currency());
    }

    // --- views ------------------------------------------------------------------------------------------------

    GroupBuyView view(GroupBuyRecord r) {
        return new GroupBuyView(r.id(), r.name(), r.skuId(), r.skuCode(), r.title(), r.groupPrice(),
                r.belowCostAllowed(), r.groupSize(), r.timeLimitHours(), r.perCustomerLimit(), r.startsAt(),
                r.endsAt(), r.status(), ActivityPhase.of(r.status(), r.startsAt(), r.endsAt(), now()), r.createdBy(),
                r.createdAt(), r.updatedAt(), r.version());
    }

    static GroupView view(GroupBuyRepository.GroupRow row) {
        var g = row.group();
        return new GroupView(g.id(), g.activityId(), row.activityName(), row.skuId(), row.title(), row.groupPrice(),
                g.status(), g.groupSize(), g.members(), g.paid(), g.openedAt(), g.deadline(), g.completedAt(),
                g.failureReason());
    }

    MembershipView view(MemberRecord m) {
        return view(m, group(m.groupId()));
    }

    static MembershipView view(MemberRecord m, GroupBuyRepository.GroupRow group) {
        return new MembershipView(m.id(), view(group), m.customerId(), m.opener(), m.status(), m.orderId(),
                m.orderNumber(), m.paidAmount(), m.refundAmount(), m.joinedAt(), m.holdUntil(), m.paidAt(),
                m.endedAt(), m.note());
    }

    /** The customer's place in the group, if they have one. */
    @Nullable MemberRecord membership(GroupId group, CustomerId customer) {
        return groups.membership(group, customer).orElse(null);
    }
}
