package io.shopops.marketing.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.shopops.marketing.PromotionId;
import io.shopops.marketing.PromotionKind;
import io.shopops.marketing.PromotionStatus;
import io.shopops.marketing.TargetScope;
import io.shopops.ordering.SalesChannel;
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
 * Promotions, their targets and tiers, what they gave to which order, and each customer's uses. Budgets and
 * per-customer limits are spent by conditional UPDATEs checked by their row counts (and CHECK constraints), so
 * parallel checkouts on many nodes never give more than allowed.
 */
@Repository
public class PromotionRepository {

    private final JdbcClient jdbc;

    PromotionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public PromotionId insert(PromotionRecord p) {
        KeyHolder keys = new GeneratedKeyHolder();
        params(jdbc.sql("""
                INSERT INTO promotion (code, name, description, kind, status, starts_at, ends_at, scope, channels,
                    customer_tiers, segment_id, currency, percent_off, amount_off, buy_quantity, free_quantity,
                    gift_sku_id, threshold, bundle_price, stackable, below_cost_allowed, budget, spent,
                    per_customer_limit, priority, campaign_code, created_by, created_at, updated_at, version)
                VALUES (:code, :name, :description, :kind, :status, :startsAt, :endsAt, :scope, :channels, :tiers,
                    :segment, :currency, :percentOff, :amountOff, :buy, :free, :gift, :threshold, :bundle, :stackable,
                    :belowCost, :budget, 0, :limit, :priority, :campaign, :createdBy, :at, :at, 0)
                """), p).param("createdBy", p.createdBy()).param("at", SqlTime.utc(p.createdAt()))
                .update(keys, "id");
        PromotionId id = new PromotionId(keys.getKey().longValue());
        insertChildren(id, p);
        return id;
    }

    /** Replaces a draft's definition if its version is still {@code expectedVersion}; false otherwise. */
    public boolean updateDraft(PromotionId id, PromotionRecord p, long expectedVersion, Instant now) {
        boolean updated = params(jdbc.sql("""
                UPDATE promotion SET code = :code, name = :name, description = :description, kind = :kind,
                    starts_at = :startsAt, ends_at = :endsAt, scope = :scope, channels = :channels,
                    customer_tiers = :tiers, segment_id = :segment, currency = :currency, percent_off = :percentOff,
                    amount_off = :amountOff, buy_quantity = :buy, free_quantity = :free, gift_sku_id = :gift,
                    threshold = :threshold, bundle_price = :bundle, stackable = :stackable,
                    below_cost_allowed = :belowCost, budget = :budget, per_customer_limit = :limit,
                    priority = :priority, campaign_code = :campaign, updated_at = :at, version = version + 1
                WHERE id = :id AND status = 'DRAFT' AND version = :version
                """), p).param("id", id.value()).param("version", expectedVersion).param("at", SqlTime.utc(now))
                .update() == 1;
        if (updated) {
            jdbc.sql("DELETE FROM promotion_target WHERE promotion_id = :id").param("id", id.value()).update();
            jdbc.sql("DELETE FROM promotion_tier WHERE promotion_id = :id").param("id", id.value()).update();
            insertChildren(id, p);
        }
        return updated;
    }

    private JdbcClient.StatementSpec params(JdbcClient.StatementSpec spec, PromotionRecord p) {
        return spec.param("code", p.code()).param("name", p.name()).param("description", p.description())
                .param("kind", p.kind().name()).param("status", p.status().name())
                .param("startsAt", SqlTime.utc(p.startsAt())).param("endsAt", SqlTime.utc(p.endsAt()))
                .param("scope", p.scope().name())
                .param("channels", p.channels().isEmpty() ? null
                        : p.channels().stream().map(Enum::name).sorted().collect(Collectors.joining(",")))
                .param("tiers", p.customerTiers().isEmpty() ? null
                        : p.customerTiers().stream().sorted().collect(Collectors.joining(",")))
                .param("segment", p.segmentId()).param("currency", p.spent().currency().getCurrencyCode())
                .param("percentOff", p.percentOff()).param("amountOff", amount(p.amountOff()))
                .param("buy", p.buyQuantity()).param("free", p.freeQuantity()).param("gift", p.giftSkuId())
                .param("threshold", amount(p.threshold())).param("bundle", amount(p.bundlePrice()))
                .param("stackable", p.stackable()).param("belowCost", p.belowCostAllowed())
                .param("budget", amount(p.budget())).param("limit", p.perCustomerLimit())
                .param("priority", p.priority()).param("campaign", p.campaignCode());
    }

    private void insertChildren(PromotionId id, PromotionRecord p) {
        for (Long target : new LinkedHashSet<>(p.targetIds())) {
            jdbc.sql("INSERT INTO promotion_target (promotion_id, target_id) VALUES (:id, :target)")
                    .param("id", id.value()).param("target", target).update();
        }
        for (int i = 0; i < p.tiers().size(); i++) {
            PromotionRecord.Tier tier = p.tiers().get(i);
            jdbc.sql("""
                    INSERT INTO promotion_tier (promotion_id, seq, threshold, amount_off)
                    VALUES (:id, :seq, :threshold, :off)
                    """).param("id", id.value()).param("seq", i).param("threshold", tier.threshold().amount())
                    .param("off", tier.amountOff().amount()).update();
        }
    }

    private static @Nullable BigDecimal amount(@Nullable Money money) {
        return money == null ? null : money.amount();
    }

    public boolean move(PromotionId id, PromotionStatus from, PromotionStatus to, long expectedVersion,
            @Nullable String reason, Instant now) {
        return jdbc.sql("""
                UPDATE promotion SET status = :to, stopped_reason = :reason, updated_at = :at, version = version + 1
                WHERE id = :id AND status = :from AND version = :version
                """).param("to", to.name()).param("reason", reason).param("at", SqlTime.utc(now))
                .param("id", id.value()).param("from", from.name()).param("version", expectedVersion).update() == 1;
    }

    public Optional<PromotionRecord> find(PromotionId id) {
        List<PromotionRecord> found = load("SELECT * FROM promotion WHERE id = :id", Map.of("id", id.value()));
        return found.stream().findFirst();
    }

    public boolean codeTaken(String code, @Nullable PromotionId except) {
        return jdbc.sql("SELECT COUNT(*) FROM promotion WHERE code = :code AND id <> :except")
                .param("code", code).param("except", except == null ? -1 : except.value())
                .query(Long.class).single() > 0;
    }

    /** Every promotion published and not ended by its window at {@code now} (budget-spent ones included). */
    public List<PromotionRecord> live(Instant now) {
        return load("SELECT * FROM promotion WHERE status = 'SCHEDULED' AND ends_at > :now ORDER BY priority DESC, id",
                Map.of("now", SqlTime.utc(now)));
    }

    /** Published promotions whose windows overlap [from, to), other than {@code except}. */
    public List<PromotionRecord> overlapping(Instant from, Instant to, PromotionId except) {
        return load("""
                SELECT * FROM promotion WHERE status = 'SCHEDULED' AND starts_at < :to AND ends_at > :from
                    AND id <> :except ORDER BY id
                """, Map.of("from", SqlTime.utc(from), "to", SqlTime.utc(to), "except", except.value()));
    }

    public Page<PromotionRecord> find(@Nullable PromotionStatus status, @Nullable PromotionKind kind,
            @Nullable String text, Instant now, PageQuery page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            switch (status) {
                case DRAFT, STOPPED -> where.append(" AND status = '").append(status.name()).append('\'');
                case SCHEDULED -> where.append(" AND status = 'SCHEDULED' AND starts_at > :now");
                case RUNNING -> where.append(" AND status = 'SCHEDULED' AND starts_at <= :now AND ends_at > :now")
                        .append(" AND (budget IS NULL OR spent < budget)");
                case ENDED -> where.append(" AND status = 'SCHEDULED' AND (ends_at <= :now OR spent >= budget)");
            }
            params.put("now", SqlTime.utc(now));
        }
        if (kind != null) {
            where.append(" AND kind = :kind");
            params.put("kind", kind.name());
        }
        if (text != null && !text.isBlank()) {
            where.append(" AND (LOWER(code) LIKE :text").append(Like.ESCAPE).append(" OR LOWER(name) LIKE :text")
                    .append(Like.ESCAPE).append(')');
            params.put("text", Like.contains(text.trim().toLowerCase()));
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM promotion" + where).params(params).query(Long.class).single();
        Map<String, Object> paged = new HashMap<>(params);
        paged.put("limit", page.size());
        paged.put("offset", page.offset());
        List<PromotionRecord> items = load("SELECT * FROM promotion" + where
                + " ORDER BY updated_at DESC, id DESC LIMIT :limit OFFSET :offset", paged);
        return Page.of(items, page, total);
    }

    private List<PromotionRecord> load(String sql, Map<String, ?> params) {
        List<Row> rows = jdbc.sql(sql).params(params).query(PromotionRepository::row).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(r -> r.id).toList();
        Map<Long, List<Long>> targets = new HashMap<>();
        jdbc.sql("SELECT promotion_id, target_id FROM promotion_target WHERE promotion_id IN (:ids) ORDER BY target_id")
                .param("ids", ids).query(rs -> {
                    targets.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                });
        Map<Long, List<PromotionRecord.Tier>> tiers = new HashMap<>();
        Map<Long, Currency> currencies = new HashMap<>();
        rows.forEach(r -> currencies.put(r.id, r.currency));
        jdbc.sql("SELECT * FROM promotion_tier WHERE promotion_id IN (:ids) ORDER BY promotion_id, seq")
                .param("ids", ids).query(rs -> {
                    long id = rs.getLong("promotion_id");
                    Currency currency = currencies.get(id);
                    tiers.computeIfAbsent(id, k -> new ArrayList<>()).add(new PromotionRecord.Tier(
                            Money.of(rs.getBigDecimal("threshold"), currency),
                            Money.of(rs.getBigDecimal("amount_off"), currency)));
                });
        List<PromotionRecord> records = new ArrayList<>();
        for (Row r : rows) {
            records.add(r.record(targets.getOrDefault(r.id, List.of()), tiers.getOrDefault(r.id, List.of())));
        }
        return records;
    }

    /** The orders each promotion discounted (not given back), by promotion. */
    public Map<PromotionId, Long> orderCounts(Collection<PromotionId> ids) {
        Map<PromotionId, Long> counts = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                SELECT promotion_id, COUNT(*) FROM promotion_redemption
                WHERE promotion_id IN (:ids) AND returned_at IS NULL GROUP BY promotion_id
                """).param("ids", ids.stream().map(PromotionId::value).toList())
                .query(rs -> {
                    counts.put(new PromotionId(rs.getLong(1)), rs.getLong(2));
                });
        return counts;
    }

    // --- redemption ----------------------------------------------------------------------------------------

    /** Spends {@code amount} of the budget; false when that would pass it. */
    public boolean spend(PromotionId id, BigDecimal amount) {
        return jdbc.sql("""
                UPDATE promotion SET spent = spent + :amount
                WHERE id = :id AND (budget IS NULL OR spent + :amount <= budget)
                """).param("amount", amount).param("id", id.value()).update() == 1;
    }

    public boolean ensureUsage(PromotionId id, long customer) {
        return jdbc.sql("""
                INSERT INTO promotion_usage (promotion_id, customer_id, uses)
                SELECT :id, :customer, 0 FROM marketing_revision
                WHERE NOT EXISTS (SELECT 1 FROM promotion_usage WHERE promotion_id = :id AND customer_id = :customer)
                """).param("id", id.value()).param("customer", customer).update() == 1;
    }

    /** Counts one more use by the customer; false at the limit. */
    public boolean use(PromotionId id, long customer, int limit) {
        return jdbc.sql("""
                UPDATE promotion_usage SET uses = uses + 1
                WHERE promotion_id = :id AND customer_id = :customer AND uses < :limit
                """).param("id", id.value()).param("customer", customer).param("limit", limit).update() == 1;
    }

    /** What budgeted promotions have spent now (the snapshot's figure grows old with every order). */
    public Map<PromotionId, BigDecimal> spent(Collection<PromotionId> ids) {
        Map<PromotionId, BigDecimal> spent = new HashMap<>();
        if (ids.isEmpty()) {
            return spent;
        }
        jdbc.sql("SELECT id, spent FROM promotion WHERE id IN (:ids)")
                .param("ids", ids.stream().map(PromotionId::value).toList())
                .query(rs -> {
                    spent.put(new PromotionId(rs.getLong(1)), rs.getBigDecimal(2));
                });
        return spent;
    }

    public Map<PromotionId, Integer> uses(long customer, Collection<PromotionId> ids) {
        Map<PromotionId, Integer> uses = new HashMap<>();
        if (ids.isEmpty()) {
            return uses;
        }
        jdbc.sql("SELECT promotion_id, uses FROM promotion_usage WHERE customer_id = :customer AND promotion_id IN (:ids)")
                .param("customer", customer).param("ids", ids.stream().map(PromotionId::value).toList())
                .query(rs -> {
                    uses.put(new PromotionId(rs.getLong(1)), rs.getInt(2));
                });
        return uses;
    }

    public void recordRedemption(PromotionId id, long order, long customer, BigDecimal amount, Instant at) {
        jdbc.sql("""
                INSERT INTO promotion_redemption (promotion_id, order_id, customer_id, amount, redeemed_at)
                VALUES (:id, :order, :customer, :amount, :at)
                """).param("id", id.value()).param("order", order).param("customer", customer)
                .param("amount", amount).param("at", SqlTime.utc(at)).update();
    }

    /** What a cancelled order had from promotions, marked given back once: the caller returns budget and uses. */
    public List<Redemption> giveBack(long order, Instant now) {
        List<Redemption> open = jdbc.sql("""
                SELECT promotion_id, customer_id, amount FROM promotion_redemption
                WHERE order_id = :order AND returned_at IS NULL
                """).param("order", order)
                .query((rs, n) -> new Redemption(new PromotionId(rs.getLong(1)), rs.getLong(2), rs.getBigDecimal(3)))
                .list();
        List<Redemption> returned = new ArrayList<>();
        for (Redemption r : open) {
            boolean mine = jdbc.sql("""
                    UPDATE promotion_redemption SET returned_at = :at
                    WHERE promotion_id = :id AND order_id = :order AND returned_at IS NULL
                    """).param("at", SqlTime.utc(now)).param("id", r.promotionId().value()).param("order", order)
                    .update() == 1;
            if (mine) {
                jdbc.sql("UPDATE promotion SET spent = spent - :amount WHERE id = :id AND spent >= :amount")
                        .param("amount", r.amount()).param("id", r.promotionId().value()).update();
                jdbc.sql("""
                        UPDATE promotion_usage SET uses = uses - 1
                        WHERE promotion_id = :id AND customer_id = :customer AND uses > 0
                        """).param("id", r.promotionId().value()).param("customer", r.customerId()).update();
                returned.add(r);
            }
        }
        return returned;
    }

    public record Redemption(PromotionId promotionId, long customerId, BigDecimal amount) {
    }

    // --- revision ------------------------------------------------------------------------------------------

    public long revision() {
        return jdbc.sql("SELECT revision FROM marketing_revision WHERE id = 1").query(Long.class).single();
    }

    public void bumpRevision() {
        jdbc.sql("UPDATE marketing_revision SET revision = revision + 1 WHERE id = 1").update();
    }

    // --- rows ----------------------------------------------------------------------------------------------

    private record Row(long id, Currency currency, PromotionRecordBuilder builder) {

        PromotionRecord record(List<Long> targets, List<PromotionRecord.Tier> tiers) {
            return builder.build(targets, tiers);
        }
    }

    @FunctionalInterface
    private interface PromotionRecordBuilder {
        PromotionRecord build(List<Long> targets, List<PromotionRecord.Tier> tiers);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        Currency currency = Currency.getInstance(rs.getString("currency").trim());
        String code = rs.getString("code");
        String name = rs.getString("name");
        String description = rs.getString("description");
        PromotionKind kind = PromotionKind.valueOf(rs.getString("kind"));
        PromotionStatus status = PromotionStatus.valueOf(rs.getString("status"));
        Instant startsAt = SqlTime.requiredInstant(rs, "starts_at");
        Instant endsAt = SqlTime.requiredInstant(rs, "ends_at");
        TargetScope scope = TargetScope.valueOf(rs.getString("scope"));
        Set<SalesChannel> channels = EnumSet.noneOf(SalesChannel.class);
        String channelText = rs.getString("channels");
        if (channelText != null) {
            Arrays.stream(channelText.split(",")).map(SalesChannel::valueOf).forEach(channels::add);
        }
        String tierText = rs.getString("customer_tiers");
        Set<String> customerTiers = tierText == null ? Set.of() : Set.of(tierText.split(","));
        Long segment = rs.getObject("segment_id", Long.class);
        BigDecimal percentOff = rs.getBigDecimal("percent_off");
        Money amountOff = money(rs, "amount_off", currency);
        Integer buy = rs.getObject("buy_quantity", Integer.class);
        Integer free = rs.getObject("free_quantity", Integer.class);
        Long gift = rs.getObject("gift_sku_id", Long.class);
        Money threshold = money(rs, "threshold", currency);
        Money bundle = money(rs, "bundle_price", currency);
        boolean stackable = rs.getBoolean("stackable");
        boolean belowCost = rs.getBoolean("below_cost_allowed");
        Money budget = money(rs, "budget", currency);
        Money spent = Money.of(rs.getBigDecimal("spent"), currency);
        Integer limit = rs.getObject("per_customer_limit", Integer.class);
        int priority = rs.getInt("priority");
        String campaign = rs.getString("campaign_code");
        String stoppedReason = rs.getString("stopped_reason");
        String createdBy = rs.getString("created_by");
        Instant createdAt = SqlTime.requiredInstant(rs, "created_at");
        Instant updatedAt = SqlTime.requiredInstant(rs, "updated_at");
        long version = rs.getLong("version");
        return new Row(id, currency, (targets, tiers) -> new PromotionRecord(new PromotionId(id), code, name,
                description, kind, status, startsAt, endsAt, scope, targets, channels, customerTiers, segment,
                percentOff, amountOff, tiers, buy, free, gift, threshold, bundle, stackable, belowCost, budget, spent,
                limit, priority, campaign, stoppedReason, createdBy, createdAt, updatedAt, version));
    }

    private static @Nullable Money money(ResultSet rs, String column, Currency currency) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : Money.of(value, currency);
    }
}
