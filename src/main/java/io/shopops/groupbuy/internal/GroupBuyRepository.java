package io.shopops.groupbuy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.shopops.catalog.SkuId;
import io.shopops.customer.CustomerId;
import io.shopops.groupbuy.ActivityStatus;
import io.shopops.groupbuy.GroupBuyId;
import io.shopops.groupbuy.GroupId;
import io.shopops.groupbuy.GroupStatus;
import io.shopops.groupbuy.MembershipId;
import io.shopops.groupbuy.MembershipStatus;
import io.shopops.ordering.OrderId;
import io.shopops.shared.Money;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.persistence.Like;
import io.shopops.shared.persistence.SqlTime;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Group-buy activities, their groups, the members' places and the per-customer quotas. Every change of a count or a
 * status is one conditional UPDATE checked by its row count (a place is taken only while {@code members <
 * group_size}, a group succeeds only when {@code paid = group_size}, a member moves only from the status it is in),
 * with CHECK constraints behind them. Whoever changes a group or one of its members first locks the group's row
 * ({@link #lockGroup}), so the changes of one group are taken one after the other.
 */
@Repository
public class GroupBuyRepository {

    private static final String MEMBER_COLUMNS = "m.*";
    private static final String GROUP_VIEW = """
            SELECT g.*, a.name AS activity_name, a.sku_id, a.title, a.group_price, a.currency
            FROM group_buy_group g JOIN group_buy_activity a ON a.id = g.activity_id
            """;

    private final JdbcClient jdbc;

    GroupBuyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- activities -------------------------------------------------------------------------------------------

    public GroupBuyId insert(GroupBuyRecord r) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO group_buy_activity (name, sku_id, sku_code, title, group_price, currency,
                    below_cost_allowed, group_size, time_limit_hours, per_customer_limit, starts_at, ends_at, status,
                    created_by, created_at, updated_at, version)
                VALUES (:name, :sku, :skuCode, :title, :price, :currency, :belowCost, :size, :hours, :limit, :starts,
                    :ends, :status, :by, :at, :at, 0)
                """)
                .param("name", r.name()).param("sku", r.skuId().value()).param("skuCode", r.skuCode())
                .param("title", r.title()).param("price", r.groupPrice().amount())
                .param("currency", r.groupPrice().currency().getCurrencyCode())
                .param("belowCost", r.belowCostAllowed()).param("size", r.groupSize())
                .param("hours", r.timeLimitHours()).param("limit", r.perCustomerLimit())
                .param("starts", SqlTime.utc(r.startsAt())).param("ends", SqlTime.utc(r.endsAt()))
                .param("status", r.status().name()).param("by", r.createdBy()).param("at", SqlTime.utc(r.createdAt()))
                .update(keys, "id");
        return new GroupBuyId(Objects.requireNonNull(keys.getKey()).longValue());
    }

    /** Rewrites a DRAFT activity read at {@code version}; false if it moved on or someone else changed it. */
    public boolean update(GroupBuyRecord r, long version) {
        return jdbc.sql("""
                UPDATE group_buy_activity SET name = :name, sku_id = :sku, sku_code = :skuCode, title = :title,
                    group_price = :price, currency = :currency, below_cost_allowed = :belowCost, group_size = :size,
                    time_limit_hours = :hours, per_customer_limit = :limit, starts_at = :starts, ends_at = :ends,
                    updated_at = :at, version = version + 1
                WHERE id = :id AND version = :version AND status = 'DRAFT'
                """)
                .param("name", r.name()).param("sku", r.skuId().value()).param("skuCode", r.skuCode())
                .param("title", r.title()).param("price", r.groupPrice().amount())
                .param("currency", r.groupPrice().currency().getCurrencyCode())
                .param("belowCost", r.belowCostAllowed()).param("size", r.groupSize())
                .param("hours", r.timeLimitHours()).param("limit", r.perCustomerLimit())
                .param("starts", SqlTime.utc(r.startsAt())).param("ends", SqlTime.utc(r.endsAt()))
                .param("at", SqlTime.utc(r.updatedAt())).param("id", r.id().value()).param("version", version)
                .update() == 1;
    }

    /** Deletes a DRAFT activity (it never had a group); false otherwise. */
    public boolean delete(GroupBuyId id) {
        jdbc.sql("DELETE FROM group_buy_quota WHERE activity_id = :id").param("id", id.value()).update();
        return jdbc.sql("DELETE FROM group_buy_activity WHERE id = :id AND status = 'DRAFT'").param("id", id.value())
                .update() == 1;
    }

    /** Moves an activity from {@code from} to {@code to}, at {@code version} when one is given. */
    public boolean transition(GroupBuyId id, ActivityStatus from, ActivityStatus to, @Nullable Long version,
            Instant at) {
        String sql = """
                UPDATE group_buy_activity SET status = :to, updated_at = :at, version = version + 1
                WHERE id = :id AND status = :from
                """;
        return jdbc.sql(version == null ? sql : sql + " AND version = :version")
                .param("to", to.name()).param("at", SqlTime.utc(at)).param("id", id.value())
                .param("from", from.name()).params(version == null ? Map.of() : Map.of("version", version))
                .update() == 1;
    }

    public Optional<GroupBuyRecord> activity(GroupBuyId id) {
        return jdbc.sql("SELECT * FROM group_buy_activity WHERE id = :id").param("id", id.value())
                .query(GroupBuyRepository::activity).optional();
    }

    /** Activities matching the filters (name or SKU code contains {@code text}), newest first. */
    public Page<GroupBuyRecord> activities(@Nullable ActivityStatus status, @Nullable String text, PageQuery page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            where.append(" AND status = :status");
            params.put("status", status.name());
        }
        if (text != null) {
            where.append(" AND (LOWER(name) LIKE :text").append(Like.ESCAPE)
                    .append(" OR LOWER(sku_code) LIKE :text").append(Like.ESCAPE).append(')');
            params.put("text", Like.contains(text));
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM group_buy_activity" + where).params(params).query(Long.class)
                .single();
        List<GroupBuyRecord> rows = jdbc.sql("SELECT * FROM group_buy_activity" + where
                + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query(GroupBuyRepository::activity).list();
        return Page.of(rows, page, total);
    }

    /** Scheduled activities running at {@code now}, ending first first. */
    public List<GroupBuyRecord> running(Instant now, int limit) {
        return jdbc.sql("""
                SELECT * FROM group_buy_activity
                WHERE status = 'SCHEDULED' AND starts_at <= :now AND ends_at > :now
                ORDER BY ends_at, id LIMIT :limit
                """).param("now", SqlTime.utc(now)).param("limit", limit).query(GroupBuyRepository::activity).list();
    }

    /** Scheduled activities whose end has passed. */
    public List<GroupBuyId> finished(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM group_buy_activity WHERE status = 'SCHEDULED' AND ends_at <= :now ORDER BY ends_at LIMIT :limit")
                .param("now", SqlTime.utc(now)).param("limit", limit)
                .query((rs, n) -> new GroupBuyId(rs.getLong("id"))).list();
    }

    // --- groups -----------------------------------------------------------------------------------------------

    /** A new group with its opener's place already taken. */
    public GroupId insertGroup(GroupBuyId activity, CustomerId opener, int size, Instant openedAt, Instant deadline) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO group_buy_group (activity_id, opener_id, status, group_size, members, paid, opened_at,
                    deadline, version)
                VALUES (:activity, :opener, 'OPEN', :size, 1, 0, :at, :deadline, 0)
                """)
                .param("activity", activity.value()).param("opener", opener.value()).param("size", size)
                .param("at", SqlTime.utc(openedAt)).param("deadline", SqlTime.utc(deadline)).update(keys, "id");
        return new GroupId(Objects.requireNonNull(keys.getKey()).longValue());
    }

    /**
     * Locks a group still gathering (its row, until the transaction ends), before anything of it or its members
     * changes; with {@code paidBefore}, only if its deadline is after that time. False if it is not gathering.
     */
    public boolean lockGroup(GroupId id, @Nullable Instant paidBefore) {
        String sql = "UPDATE group_buy_group SET version = version + 1 WHERE id = :id AND status = 'OPEN'";
        return jdbc.sql(paidBefore == null ? sql : sql + " AND deadline > :before").param("id", id.value())
                .params(paidBefore == null ? Map.of() : Map.of("before", SqlTime.utc(paidBefore))).update() == 1;
    }

    /** Takes one place of a group still gathering before its deadline and not full. */
    public boolean takePlace(GroupId id, Instant now) {
        return jdbc.sql("""
                UPDATE group_buy_group SET members = members + 1, version = version + 1
                WHERE id = :id AND status = 'OPEN' AND members < group_size AND deadline > :now
                """)
                .param("id", id.value()).param("now", SqlTime.utc(now)).update() == 1;
    }

    /** Gives a place back (and a paid place's payment count) while the group gathers. */
    public boolean freePlace(GroupId id, boolean wasPaid) {
        return jdbc.sql("""
                UPDATE group_buy_group SET members = members - 1, paid = paid - :paid, version = version + 1
                WHERE id = :id AND status = 'OPEN'
                """)
                .param("paid", wasPaid ? 1 : 0).param("id", id.value()).update() == 1;
    }

    public boolean countPayment(GroupId id) {
        return jdbc.sql("UPDATE group_buy_group SET paid = paid + 1, version = version + 1 WHERE id = :id AND status = 'OPEN'")
                .param("id", id.value()).update() == 1;
    }

    /** OPEN → SUCCEEDED once every place is paid; true for the one call that made it so. */
    public boolean succeed(GroupId id, Instant at) {
        return jdbc.sql("""
                UPDATE group_buy_group SET status = 'SUCCEEDED', completed_at = :at, version = version + 1
                WHERE id = :id AND status = 'OPEN' AND paid = group_size
                """)
                .param("at", SqlTime.utc(at)).param("id", id.value()).update() == 1;
    }

    /**
     * OPEN → FAILED for a reason; with {@code expiredBy}, only if its deadline is not after that time. True for the
     * one call that made it so.
     */
    public boolean fail(GroupId id, String reason, @Nullable Instant expiredBy, Instant at) {
        String sql = """
                UPDATE group_buy_group SET status = 'FAILED', failure_reason = :reason, completed_at = :at,
                    version = version + 1
                WHERE id = :id AND status = 'OPEN'
                """;
        return jdbc.sql(expiredBy == null ? sql : sql + " AND deadline <= :expired")
                .param("reason", reason.length() > 200 ? reason.substring(0, 200) : reason)
                .param("at", SqlTime.utc(at)).param("id", id.value())
                .params(expiredBy == null ? Map.of() : Map.of("expired", SqlTime.utc(expiredBy))).update() == 1;
    }

    public Optional<GroupRecord> group(GroupId id) {
        return jdbc.sql("SELECT * FROM group_buy_group WHERE id = :id").param("id", id.value())
                .query(GroupBuyRepository::group).optional();
    }

    public Optional<GroupRow> groupRow(GroupId id) {
        return jdbc.sql(GROUP_VIEW + " WHERE g.id = :id").param("id", id.value())
                .query(GroupBuyRepository::groupRow).optional();
    }

    public Map<GroupId, GroupRow> groupRows(Collection<GroupId> ids) {
        Map<GroupId, GroupRow> rows = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return rows;
        }
        List<Long> values = ids.stream().map(GroupId::value).distinct().toList();
        for (int from = 0; from < values.size(); from += 500) {
            jdbc.sql(GROUP_VIEW + " WHERE g.id IN (:ids)").param("ids", values.subList(from, Math.min(values.size(), from + 500)))
                    .query(GroupBuyRepository::groupRow).list().forEach(r -> rows.put(r.group().id(), r));
        }
        return rows;
    }

    /** Groups matching the filters: gathering ones by their deadline (soonest first), the others newest first. */
    public Page<GroupRow> groups(@Nullable GroupBuyId activity, @Nullable GroupStatus status, PageQuery page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (activity != null) {
            where.append(" AND g.activity_id = :activity");
            params.put("activity", activity.value());
        }
        if (status != null) {
            where.append(" AND g.status = :status");
            params.put("status", status.name());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM group_buy_group g" + where).params(params).query(Long.class)
                .single();
        String order = status == GroupStatus.OPEN ? " ORDER BY g.deadline, g.id" : " ORDER BY g.opened_at DESC, g.id DESC";
        List<GroupRow> rows = jdbc.sql(GROUP_VIEW + where + order + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query(GroupBuyRepository::groupRow).list();
        return Page.of(rows, page, total);
    }

    /** Gathering groups whose deadline has passed, oldest deadline first. */
    public List<GroupId> expired(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM group_buy_group WHERE status = 'OPEN' AND deadline <= :now ORDER BY deadline LIMIT :limit")
                .param("now", SqlTime.utc(now)).param("limit", limit)
                .query((rs, n) -> new GroupId(rs.getLong("id"))).list();
    }

    public List<GroupId> openGroupsOf(GroupBuyId activity) {
        return jdbc.sql("SELECT id FROM group_buy_group WHERE activity_id = :activity AND status = 'OPEN' ORDER BY id")
                .param("activity", activity.value()).query((rs, n) -> new GroupId(rs.getLong("id"))).list();
    }

    // --- members ----------------------------------------------------------------------------------------------

    public MembershipId insertMember(GroupId group, GroupBuyId activity, CustomerId customer, SkuId sku,
            boolean opener, Currency currency, Instant joinedAt, Instant holdUntil) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO group_buy_member (group_id, activity_id, customer_id, sku_id, opener, status, currency,
                    joined_at, hold_until)
                VALUES (:group, :activity, :customer, :sku, :opener, 'PENDING_PAYMENT', :currency, :at, :hold)
                """)
                .param("group", group.value()).param("activity", activity.value())
                .param("customer", customer.value()).param("sku", sku.value()).param("opener", opener)
                .param("currency", currency.getCurrencyCode()).param("at", SqlTime.utc(joinedAt))
                .param("hold", SqlTime.utc(holdUntil)).update(keys, "id");
        return new MembershipId(Objects.requireNonNull(keys.getKey()).longValue());
    }

    /** Takes a given-up place's row back for the same customer: CANCELLED → PENDING_PAYMENT, as if new. */
    public boolean rejoin(MembershipId id, Instant joinedAt, Instant holdUntil) {
        return jdbc.sql("""
                UPDATE group_buy_member SET status = 'PENDING_PAYMENT', order_id = NULL, order_no = NULL,
                    paid_amount = NULL, refund_amount = NULL, joined_at = :at, hold_until = :hold, paid_at = NULL,
                    ended_at = NULL, note = NULL
                WHERE id = :id AND status = 'CANCELLED'
                """)
                .param("at", SqlTime.utc(joinedAt)).param("hold", SqlTime.utc(holdUntil)).param("id", id.value())
                .update() == 1;
    }

    /** Binds the customer's place, still waiting for its order and kept, to the order just placed. */
    public boolean bind(MembershipId id, CustomerId customer, OrderId order, String orderNumber, Instant now) {
        return jdbc.sql("""
                UPDATE group_buy_member SET order_id = :order, order_no = :number
                WHERE id = :id AND customer_id = :customer AND status = 'PENDING_PAYMENT' AND order_id IS NULL
                  AND hold_until > :now
                """)
                .param("order", order.value()).param("number", orderNumber).param("id", id.value())
                .param("customer", customer.value()).param("now", SqlTime.utc(now)).update() == 1;
    }

    /** PENDING_PAYMENT → PAID for the order bound to the place. */
    public boolean markPaid(MembershipId id, OrderId order, Money amount, Instant paidAt) {
        return jdbc.sql("""
                UPDATE group_buy_member SET status = 'PAID', paid_amount = :amount, paid_at = :at
                WHERE id = :id AND status = 'PENDING_PAYMENT' AND order_id = :order
                """)
                .param("amount", amount.amount()).param("at", SqlTime.utc(paidAt)).param("id", id.value())
                .param("order", order.value()).update() == 1;
    }

    /** Ends a place: from the status it was read in to its outcome, once. */
    public boolean end(MembershipId id, MembershipStatus from, MembershipStatus to, Instant at, @Nullable String note,
            @Nullable Money refund) {
        return jdbc.sql("""
                UPDATE group_buy_member SET status = :to, ended_at = :at, note = :note, refund_amount = :refund
                WHERE id = :id AND status = :from
                """)
                .param("to", to.name()).param("at", SqlTime.utc(at))
                .param("note", note == null || note.length() <= 300 ? note : note.substring(0, 299) + "…")
                .param("refund", refund == null ? null : refund.amount()).param("id", id.value())
                .param("from", from.name()).update() == 1;
    }

    /** A place just ended as CANCELLED by a settlement whose cancellation refunded the order: REFUNDED, with how much. */
    public void refunded(MembershipId id, Money refund) {
        jdbc.sql("UPDATE group_buy_member SET status = 'REFUNDED', refund_amount = :refund WHERE id = :id AND status = 'CANCELLED'")
                .param("refund", refund.amount()).param("id", id.value()).update();
    }

    public Optional<MemberRecord> member(MembershipId id) {
        return jdbc.sql("SELECT " + MEMBER_COLUMNS + " FROM group_buy_member m WHERE m.id = :id").param("id", id.value())
                .query(GroupBuyRepository::member).optional();
    }

    public Optional<MemberRecord> memberByOrder(OrderId order) {
        return jdbc.sql("SELECT " + MEMBER_COLUMNS + " FROM group_buy_member m WHERE m.order_id = :order")
                .param("order", order.value()).query(GroupBuyRepository::member).optional();
    }

    public Optional<MemberRecord> membership(GroupId group, CustomerId customer) {
        return jdbc.sql("SELECT " + MEMBER_COLUMNS + " FROM group_buy_member m WHERE m.group_id = :group AND m.customer_id = :customer")
                .param("group", group.value()).param("customer", customer.value())
                .query(GroupBuyRepository::member).optional();
    }

    public List<MemberRecord> members(GroupId group) {
        return jdbc.sql("SELECT " + MEMBER_COLUMNS + " FROM group_buy_member m WHERE m.group_id = :group ORDER BY m.joined_at, m.id")
                .param("group", group.value()).query(GroupBuyRepository::member).list();
    }

    /** The customer's places, newest first. */
    public Page<MemberRecord> membersOf(CustomerId customer, PageQuery page) {
        long total = jdbc.sql("SELECT COUNT(*) FROM group_buy_member WHERE customer_id = :customer")
                .param("customer", customer.value()).query(Long.class).single();
        List<MemberRecord> rows = jdbc.sql("SELECT " + MEMBER_COLUMNS + """
                 FROM group_buy_member m WHERE m.customer_id = :customer
                ORDER BY m.joined_at DESC, m.id DESC LIMIT :limit OFFSET :offset
                """).param("customer", customer.value()).param("limit", page.size()).param("offset", page.offset())
                .query(GroupBuyRepository::member).list();
        return Page.of(rows, page, total);
    }

    /**
     * The customer's places that checkout may use now for these SKUs: waiting for an order and still kept, in a
     * group gathering before its deadline; the oldest first.
     */
    public List<UsablePlace> usable(CustomerId customer, Collection<SkuId> skus, Instant now) {
        if (skus.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT m.id, m.group_id, m.sku_id, a.name, a.group_price, a.currency, a.below_cost_allowed,
                    g.group_size
                FROM group_buy_member m
                JOIN group_buy_group g ON g.id = m.group_id
                JOIN group_buy_activity a ON a.id = m.activity_id
                WHERE m.customer_id = :customer AND m.status = 'PENDING_PAYMENT' AND m.order_id IS NULL
                  AND m.hold_until > :now AND g.status = 'OPEN' AND g.deadline > :now AND m.sku_id IN (:skus)
                ORDER BY m.joined_at, m.id
                """)
                .param("customer", customer.value()).param("now", SqlTime.utc(now))
                .param("skus", skus.stream().map(SkuId::value).distinct().limit(500).toList())
                .query((rs, n) -> new UsablePlace(new MembershipId(rs.getLong("id")), new GroupId(rs.getLong("group_id")),
                        new SkuId(rs.getLong("sku_id")), rs.getString("name"),
                        Money.of(rs.getBigDecimal("group_price"), Currency.getInstance(rs.getString("currency"))),
                        rs.getBoolean("below_cost_allowed"), rs.getInt("group_size")))
                .list();
    }

    /** Places still held in groups that have completed (succeeded or failed): their settlement is due. */
    public List<MembershipId> unsettled(int limit) {
        return jdbc.sql("""
                SELECT m.id FROM group_buy_member m JOIN group_buy_group g ON g.id = m.group_id
                WHERE m.status IN ('PENDING_PAYMENT', 'PAID') AND g.status IN ('SUCCEEDED', 'FAILED')
                ORDER BY g.completed_at, m.id LIMIT :limit
                """).param("limit", limit).query((rs, n) -> new MembershipId(rs.getLong("id"))).list();
    }

    /** Places without an order whose hold ran out, in groups still gathering. */
    public List<MembershipId> unusedPlaces(Instant now, int limit) {
        return jdbc.sql("""
                SELECT m.id FROM group_buy_member m JOIN group_buy_group g ON g.id = m.group_id
                WHERE m.status = 'PENDING_PAYMENT' AND m.order_id IS NULL AND m.hold_until <= :now
                  AND g.status = 'OPEN'
                ORDER BY m.hold_until LIMIT :limit
                """).param("now", SqlTime.utc(now)).param("limit", limit)
                .query((rs, n) -> new MembershipId(rs.getLong("id"))).list();
    }

    // --- quotas -----------------------------------------------------------------------------------------------

    public boolean hasQuota(GroupBuyId activity, CustomerId customer) {
        return jdbc.sql("SELECT COUNT(*) FROM group_buy_quota WHERE activity_id = :activity AND customer_id = :customer")
                .param("activity", activity.value()).param("customer", customer.value()).query(Long.class)
                .single() > 0;
    }

    /** The customer's quota row of the activity, at zero; fails on the key when a parallel call wrote it first. */
    public void insertQuota(GroupBuyId activity, CustomerId customer) {
        jdbc.sql("INSERT INTO group_buy_quota (activity_id, customer_id, open_memberships) VALUES (:activity, :customer, 0)")
                .param("activity", activity.value()).param("customer", customer.value()).update();
    }

    /** Counts one more place of the customer in the activity, unless that would pass {@code limit}. */
    public boolean takeQuota(GroupBuyId activity, CustomerId customer, int limit) {
        return jdbc.sql("""
                UPDATE group_buy_quota SET open_memberships = open_memberships + 1
                WHERE activity_id = :activity AND customer_id = :customer AND open_memberships < :limit
                """)
                .param("activity", activity.value()).param("customer", customer.value()).param("limit", limit)
                .update() == 1;
    }

    public void giveQuota(GroupBuyId activity, CustomerId customer) {
        jdbc.sql("""
                UPDATE group_buy_quota SET open_memberships = open_memberships - 1
                WHERE activity_id = :activity AND customer_id = :customer AND open_memberships > 0
                """)
                .param("activity", activity.value()).param("customer", customer.value()).update();
    }

    // --- figures ----------------------------------------------------------------------------------------------

    /** Groups per activity and status. */
    public Map<GroupBuyId, Map<GroupStatus, Long>> groupCounts() {
        Map<GroupBuyId, Map<GroupStatus, Long>> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT activity_id, status, COUNT(*) AS n FROM group_buy_group GROUP BY activity_id, status ORDER BY activity_id")
                .query(rs -> {
                    counts.computeIfAbsent(new GroupBuyId(rs.getLong("activity_id")), a -> new HashMap<>())
                            .put(GroupStatus.valueOf(rs.getString("status")), rs.getLong("n"));
                });
        return counts;
    }

    /** Members per status, with the refunds they were given. */
    public List<MemberCount> memberCounts() {
        List<MemberCount> counts = new ArrayList<>();
        jdbc.sql("""
                SELECT status, currency, COUNT(*) AS n, COALESCE(SUM(refund_amount), 0) AS refunded
                FROM group_buy_member GROUP BY status, currency
                """)
                .query(rs -> {
                    counts.add(new MemberCount(MembershipStatus.valueOf(rs.getString("status")), rs.getLong("n"),
                            Money.of(rs.getBigDecimal("refunded").setScale(2),
                                    Currency.getInstance(rs.getString("currency")))));
                });
        return counts;
    }

    public record MemberCount(MembershipStatus status, long members, Money refunded) {
    }

    /** A group with what its activity says of it. */
    public record GroupRow(GroupRecord group, String activityName, SkuId skuId, String title, Money groupPrice) {
    }

    // --- mapping ----------------------------------------------------------------------------------------------

    static GroupBuyRecord activity(ResultSet rs, int row) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        return new GroupBuyRecord(new GroupBuyId(rs.getLong("id")), rs.getString("name"),
                new SkuId(rs.getLong("sku_id")), rs.getString("sku_code"), rs.getString("title"),
                Money.of(rs.getBigDecimal("group_price"), currency), rs.getBoolean("below_cost_allowed"),
                rs.getInt("group_size"), rs.getInt("time_limit_hours"), rs.getInt("per_customer_limit"),
                SqlTime.requiredInstant(rs, "starts_at"), SqlTime.requiredInstant(rs, "ends_at"),
                ActivityStatus.valueOf(rs.getString("status")), rs.getString("created_by"),
                SqlTime.requiredInstant(rs, "created_at"), SqlTime.requiredInstant(rs, "updated_at"),
                rs.getLong("version"));
    }

    static GroupRecord group(ResultSet rs, int row) throws SQLException {
        return new GroupRecord(new GroupId(rs.getLong("id")), new GroupBuyId(rs.getLong("activity_id")),
                new CustomerId(rs.getLong("opener_id")), GroupStatus.valueOf(rs.getString("status")),
                rs.getInt("group_size"), rs.getInt("members"), rs.getInt("paid"),
                SqlTime.requiredInstant(rs, "opened_at"), SqlTime.requiredInstant(rs, "deadline"),
                SqlTime.instant(rs, "completed_at"), rs.getString("failure_reason"), rs.getLong("version"));
    }

    static GroupRow groupRow(ResultSet rs, int row) throws SQLException {
        return new GroupRow(group(rs, row), rs.getString("activity_name"), new SkuId(rs.getLong("sku_id")),
                rs.getString("title"),
                Money.of(rs.getBigDecimal("group_price"), Currency.getInstance(rs.getString("currency"))));
    }

    static MemberRecord member(ResultSet rs, int row) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        long orderId = rs.getLong("order_id");
        OrderId order = rs.wasNull() ? null : new OrderId(orderId);
        return new MemberRecord(new MembershipId(rs.getLong("id")), new GroupId(rs.getLong("group_id")),
                new GroupBuyId(rs.getLong("activity_id")), new CustomerId(rs.getLong("customer_id")),
                new SkuId(rs.getLong("sku_id")), rs.getBoolean("opener"),
                MembershipStatus.valueOf(rs.getString("status")), order, rs.getString("order_no"),
                money(rs.getBigDecimal("paid_amount"), currency), money(rs.getBigDecimal("refund_amount"), currency),
                SqlTime.requiredInstant(rs, "joined_at"), SqlTime.requiredInstant(rs, "hold_until"),
                SqlTime.instant(rs, "paid_at"), SqlTime.instant(rs, "ended_at"), rs.getString("note"));
    }

    private static @Nullable Money money(java.math.@Nullable BigDecimal amount, Currency currency) {
        return amount == null ? null : Money.of(amount, currency);
    }
}
