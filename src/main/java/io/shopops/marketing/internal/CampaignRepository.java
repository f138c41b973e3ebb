package io.shopops.marketing.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.shopops.marketing.CampaignAudienceKind;
import io.shopops.marketing.CampaignChannelKind;
import io.shopops.marketing.CampaignId;
import io.shopops.marketing.CampaignMetric;
import io.shopops.marketing.CampaignStatus;
import io.shopops.shared.Money;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.persistence.Batches;
import io.shopops.shared.persistence.Like;
import io.shopops.shared.persistence.SqlTime;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Campaigns, their channels, spend, audience members, and the marketing rows that carry their codes. */
@Repository
public class CampaignRepository {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    CampaignRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    // --- campaigns -----------------------------------------------------------------------------------------

    public CampaignId insert(CampaignRecord c) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO campaign (code, name, description, objective_metric, objective_target, objective_deadline,
                    objective_rationale, starts_at, ends_at, attribution_days, audience, segment_id, holdout_percent,
                    landing_url, currency, status, created_by, created_at, updated_at, version)
                VALUES (:code, :name, :description, :metric, :target, :deadline, :rationale, :startsAt, :endsAt,
                    :attributionDays, :audience, :segmentId, :holdout, :landingUrl, :currency, 'DRAFT', :createdBy,
                    :at, :at, 0)
                """).paramSource(fields(c).addValue("createdBy", c.createdBy()).addValue("at",
                SqlTime.utc(c.createdAt()))).update(key, "id");
        CampaignId id = new CampaignId(key.getKeyAs(Number.class).longValue());
        insertChannels(id, c.channels());
        return id;
    }

    public boolean updateDraft(CampaignId id, CampaignRecord c, long expectedVersion, Instant now) {
        int changed = jdbc.sql("""
                UPDATE campaign SET code = :code, name = :name, description = :description,
                    objective_metric = :metric, objective_target = :target, objective_deadline = :deadline,
                    objective_rationale = :rationale, starts_at = :startsAt, ends_at = :endsAt,
                    attribution_days = :attributionDays, audience = :audience, segment_id = :segmentId,
                    holdout_percent = :holdout, landing_url = :landingUrl, updated_at = :at, version = version + 1
                WHERE id = :id AND status = 'DRAFT' AND version = :version
                """).paramSource(fields(c).addValue("id", id.value()).addValue("version", expectedVersion)
                .addValue("at", SqlTime.utc(now))).update();
        if (changed == 0) {
            return false;
        }
        jdbc.sql("DELETE FROM campaign_channel WHERE campaign_id = :id").param("id", id.value()).update();
        insertChannels(id, c.channels());
        return true;
    }

    private static MapSqlParameterSource fields(CampaignRecord c) {
        return new MapSqlParameterSource().addValue("code", c.code()).addValue("name", c.name())
                .addValue("description", c.description()).addValue("metric", c.metric().name())
                .addValue("target", c.target()).addValue("deadline", SqlTime.utc(c.deadline()))
                .addValue("rationale", c.rationale()).addValue("startsAt", SqlTime.utc(c.startsAt()))
                .addValue("endsAt", SqlTime.utc(c.endsAt())).addValue("attributionDays", c.attributionDays())
                .addValue("audience", c.audience().name()).addValue("segmentId", c.segmentId())
                .addValue("holdout", c.holdoutPercent()).addValue("landingUrl", c.landingUrl())
                .addValue("currency", c.channels().isEmpty() ? "CNY"
                        : c.channels().getFirst().budget().currency().getCurrencyCode());
    }

    private void insertChannels(CampaignId id, List<CampaignRecord.Channel> channels) {
        for (CampaignRecord.Channel ch : channels) {
            jdbc.sql("""
                    INSERT INTO campaign_channel (campaign_id, seq, kind, name, utm_source, utm_medium, budget)
                    VALUES (:id, :seq, :kind, :name, :source, :medium, :budget)
                    """).param("id", id.value()).param("seq", ch.seq()).param("kind", ch.kind().name())
                    .param("name", ch.name()).param("source", ch.utmSource()).param("medium", ch.utmMedium())
                    .param("budget", ch.budget().amount()).update();
        }
    }

    /** DRAFT → LAUNCHED, or LAUNCHED → STOPPED; false when someone changed it meanwhile. */
    public boolean move(CampaignId id, CampaignRecord.Stored from, CampaignRecord.Stored to, long expectedVersion,
            @Nullable String reason, Instant now) {
        String column = to == CampaignRecord.Stored.LAUNCHED ? "launched_at" : "stopped_at";
        return jdbc.sql("UPDATE campaign SET status = :to, " + column + " = :at, stopped_reason = COALESCE(:reason,"
                + " stopped_reason), updated_at = :at, version = version + 1"
                + " WHERE id = :id AND status = :from AND version = :version")
                .param("to", to.name()).param("at", SqlTime.utc(now)).param("reason", reason)
                .param("id", id.value()).param("from", from.name()).param("version", expectedVersion).update() == 1;
    }

    /** Takes the campaign's row lock: spend corrections of one campaign are checked one at a time. */
    public void lock(CampaignId id) {
        jdbc.sql("UPDATE campaign SET version = version WHERE id = :id").param("id", id.value()).update();
    }

    public boolean codeTaken(String code, @Nullable CampaignId except) {
        return jdbc.sql("SELECT COUNT(*) FROM campaign WHERE UPPER(code) = UPPER(:code) AND id <> :except")
                .param("code", code).param("except", except == null ? -1 : except.value()).query(Long.class)
                .single() > 0;
    }

    public Optional<CampaignRecord> find(CampaignId id) {
        return load("SELECT * FROM campaign WHERE id = :id", Map.of("id", id.value())).stream().findFirst();
    }

    public Optional<CampaignRecord> byCode(String code) {
        return load("SELECT * FROM campaign WHERE UPPER(code) = UPPER(:code)", Map.of("code", code)).stream()
                .findFirst();
    }

    public Page<CampaignRecord> find(@Nullable CampaignStatus status, @Nullable String text, Instant now,
            PageQuery page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            switch (status) {
                case DRAFT, STOPPED -> where.append(" AND status = '").append(status.name()).append('\'');
                case SCHEDULED -> where.append(" AND status = 'LAUNCHED' AND starts_at > :now");
                case RUNNING -> where.append(" AND status = 'LAUNCHED' AND starts_at <= :now AND ends_at > :now");
                case ENDED -> where.append(" AND status = 'LAUNCHED' AND ends_at <= :now");
            }
            params.put("now", SqlTime.utc(now));
        }
        if (text != null && !text.isBlank()) {
            where.append(" AND (LOWER(code) LIKE :text").append(Like.ESCAPE).append(" OR LOWER(name) LIKE :text")
                    .append(Like.ESCAPE).append(')');
            params.put("text", Like.contains(text.trim().toLowerCase()));
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM campaign" + where).params(params).query(Long.class).single();
        Map<String, Object> paged = new HashMap<>(params);
        paged.put("limit", page.size());
        paged.put("offset", page.offset());
        return Page.of(load("SELECT * FROM campaign" + where + " ORDER BY starts_at DESC, id DESC"
                + " LIMIT :limit OFFSET :offset", paged), page, total);
    }

    private List<CampaignRecord> load(String sql, Map<String, ?> params) {
        List<CampaignRecord> rows = jdbc.sql(sql).params(params).query(CampaignRepository::row).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<CampaignRecord.Channel>> channels = new HashMap<>();
        Map<Long, Currency> currencies = new HashMap<>();
        jdbc.sql("""
                SELECT ch.*, c.currency FROM campaign_channel ch JOIN campaign c ON c.id = ch.campaign_id
                WHERE ch.campaign_id IN (:ids) ORDER BY ch.campaign_id, ch.seq
                """).param("ids", rows.stream().map(r -> r.id().value()).toList()).query(rs -> {
            Currency currency = currencies.computeIfAbsent(rs.getLong("campaign_id"), k -> currency(rs));
            channels.computeIfAbsent(rs.getLong("campaign_id"), k -> new ArrayList<>()).add(
                    new CampaignRecord.Channel(rs.getInt("seq"), CampaignChannelKind.valueOf(rs.getString("kind")),
                            rs.getString("name"), rs.getString("utm_source"), rs.getString("utm_medium"),
                            Money.of(rs.getBigDecimal("budget"), currency)));
        });
        List<CampaignRecord> out = new ArrayList<>();
        for (CampaignRecord r : rows) {
            out.add(new CampaignRecord(r.id(), r.code(), r.name(), r.description(), r.metric(), r.target(),
                    r.deadline(), r.rationale(), r.startsAt(), r.endsAt(), r.attributionDays(), r.audience(),
                    r.segmentId(), r.holdoutPercent(), r.landingUrl(), r.stored(), r.launchedAt(), r.stoppedAt(),
                    r.stoppedReason(), channels.getOrDefault(r.id().value(), List.of()), r.createdBy(),
                    r.createdAt(), r.updatedAt(), r.version()));
        }
        return out;
    }

    private static Currency currency(ResultSet rs) {
        try {
            return Currency.getInstance(rs.getString("currency").trim());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CampaignRecord row(ResultSet rs, int n) throws SQLException {
        long segment = rs.getLong("segment_id");
        Long segmentId = rs.wasNull() ? null : segment;
        return new CampaignRecord(new CampaignId(rs.getLong("id")), rs.getString("code"), rs.getString("name"),
                rs.getString("description"), CampaignMetric.valueOf(rs.getString("objective_metric")),
                rs.getBigDecimal("objective_target"), SqlTime.requiredInstant(rs, "objective_deadline"),
                rs.getString("objective_rationale"), SqlTime.requiredInstant(rs, "starts_at"),
                SqlTime.requiredInstant(rs, "ends_at"), rs.getInt("attribution_days"),
                CampaignAudienceKind.valueOf(rs.getString("audience")), segmentId, rs.getInt("holdout_percent"),
                rs.getString("landing_url"), CampaignRecord.Stored.valueOf(rs.getString("status")),
                SqlTime.instant(rs, "launched_at"), SqlTime.instant(rs, "stopped_at"), rs.getString("stopped_reason"),
                List.of(), rs.getString("created_by"), SqlTime.requiredInstant(rs, "created_at"),
                SqlTime.requiredInstant(rs, "updated_at"), rs.getLong("version"));
    }

    // --- audience ------------------------------------------------------------------------------------------

    /** Replaces the audience: each customer with its group (true = hold-out). */
    public void replaceMembers(CampaignId id, Map<Long, Boolean> members) {
        jdbc.sql("DELETE FROM campaign_member WHERE campaign_id = :id").param("id", id.value()).update();
        List<MapSqlParameterSource> rows = new ArrayList<>(members.size());
        members.forEach((customer, holdout) -> rows.add(new MapSqlParameterSource().addValue("id", id.value())
                .addValue("customer", customer).addValue("holdout", holdout)));
        Batches.insert(named, "INSERT INTO campaign_member (campaign_id, customer_id, holdout)"
                + " VALUES (:id, :customer, :holdout)", rows);
    }

    /** Customer id → true when held out. */
    public Map<Long, Boolean> members(CampaignId id) {
        Map<Long, Boolean> members = new HashMap<>();
        jdbc.sql("SELECT customer_id, holdout FROM campaign_member WHERE campaign_id = :id").param("id", id.value())
                .query(rs -> {
                    members.put(rs.getLong("customer_id"), rs.getBoolean("holdout"));
                });
        return members;
    }

    /** [treatment, hold-out] sizes per campaign. */
    public Map<CampaignId, long[]> memberCounts(List<CampaignId> ids) {
        Map<CampaignId, long[]> counts = new HashMap<>();
        if (ids.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                SELECT campaign_id, holdout, COUNT(*) AS n FROM campaign_member WHERE campaign_id IN (:ids)
                GROUP BY campaign_id, holdout
                """).param("ids", ids.stream().map(CampaignId::value).toList()).query(rs -> {
            long[] c = counts.computeIfAbsent(new CampaignId(rs.getLong("campaign_id")), k -> new long[2]);
            c[rs.getBoolean("holdout") ? 1 : 0] = rs.getLong("n");
        });
        return counts;
    }

    /**
     * Whether a campaign limits who may have its promotions and coupons: empty when no campaign has the code or it
     * targets everyone; otherwise true when the customer is in its treatment group (launched, a member, not held out).
     */
    public Optional<Boolean> inTreatment(String code, long customer) {
        List<Boolean> found = jdbc.sql("""
                SELECT c.audience, c.status, m.holdout FROM campaign c
                LEFT JOIN campaign_member m ON m.campaign_id = c.id AND m.customer_id = :customer
                WHERE UPPER(c.code) = UPPER(:code)
                """).param("code", code).param("customer", customer).query((rs, n) -> {
            if (rs.getString("audience").equals(CampaignAudienceKind.EVERYONE.name())) {
                return null;
            }
            boolean holdout = rs.getBoolean("holdout");
            boolean member = !rs.wasNull();
            return !rs.getString("status").equals("DRAFT") && member && !holdout;
        }).list();
        return found.isEmpty() ? Optional.empty() : Optional.ofNullable(found.getFirst());
    }

    // --- spend ---------------------------------------------------------------------------------------------

    public record Spend(long id, int channelSeq, LocalDate spentOn, BigDecimal amount, @Nullable String note,
            String recordedBy, Instant recordedAt) {
    }

    public long recordSpend(CampaignId id, int channel, LocalDate on, BigDecimal amount, @Nullable String note,
            String by, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO campaign_spend (campaign_id, channel_seq, spent_on, amount, note, recorded_by, recorded_at)
                VALUES (:id, :channel, :on, :amount, :note, :by, :at)
                """).param("id", id.value()).param("channel", channel).param("on", on).param("amount", amount)
                .param("note", note).param("by", by).param("at", SqlTime.utc(at)).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    public List<Spend> spends(CampaignId id) {
        return jdbc.sql("SELECT * FROM campaign_spend WHERE campaign_id = :id ORDER BY spent_on DESC, id DESC")
                .param("id", id.value()).query((rs, n) -> new Spend(rs.getLong("id"), rs.getInt("channel_seq"),
                        rs.getObject("spent_on", LocalDate.class), rs.getBigDecimal("amount"), rs.getString("note"),
                        rs.getString("recorded_by"), SqlTime.requiredInstant(rs, "recorded_at"))).list();
    }

    /** Channel seq → Σ spend, per campaign. */
    public Map<CampaignId, Map<Integer, BigDecimal>> spentByChannel(List<CampaignId> ids) {
        Map<CampaignId, Map<Integer, BigDecimal>> spent = new HashMap<>();
        if (ids.isEmpty()) {
            return spent;
        }
        jdbc.sql("""
                SELECT campaign_id, channel_seq, SUM(amount) AS amount FROM campaign_spend
                WHERE campaign_id IN (:ids) GROUP BY campaign_id, channel_seq
                """).param("ids", ids.stream().map(CampaignId::value).toList()).query(rs -> {
            spent.computeIfAbsent(new CampaignId(rs.getLong("campaign_id")), k -> new HashMap<>())
                    .put(rs.getInt("channel_seq"), rs.getBigDecimal("amount"));
        });
        return spent;
    }

    // --- what carries the code -----------------------------------------------------------------------------

    /** A promotion or coupon template with the campaign's code. */
    public record Linked(String kind, long id, String code, String name, String status) {
    }

    public List<Linked> linked(String code) {
        List<Linked> links = new ArrayList<>(jdbc.sql("""
                SELECT id, code, name, status FROM promotion WHERE UPPER(campaign_code) = UPPER(:code) ORDER BY id
                """).param("code", code).query((rs, n) -> new Linked("promotion", rs.getLong("id"),
                rs.getString("code"), rs.getString("name"), rs.getString("status"))).list());
        links.addAll(jdbc.sql("""
                SELECT id, COALESCE(redeem_code, CAST(id AS VARCHAR(20))) AS code, name, status FROM coupon_template
                WHERE UPPER(campaign_code) = UPPER(:code) ORDER BY id
                """).param("code", code).query((rs, n) -> new Linked("coupon", rs.getLong("id"),
                rs.getString("code"), rs.getString("name"), rs.getString("status"))).list());
        return links;
    }

    /** One discount a linked promotion or coupon gave an order (not cancelled). */
    public record LinkedDiscount(String kind, long linkId, long orderId, BigDecimal amount) {
    }

    public List<LinkedDiscount> linkedDiscounts(String code) {
        List<LinkedDiscount> discounts = new ArrayList<>(jdbc.sql("""
                SELECT r.promotion_id, r.order_id, r.amount FROM promotion_redemption r
                JOIN promotion p ON p.id = r.promotion_id
                WHERE UPPER(p.campaign_code) = UPPER(:code) AND r.returned_at IS NULL
                """).param("code", code).query((rs, n) -> new LinkedDiscount("promotion", rs.getLong("promotion_id"),
                rs.getLong("order_id"), rs.getBigDecimal("amount"))).list());
        discounts.addAll(jdbc.sql("""
                SELECT c.template_id, c.order_id, c.discount FROM coupon c JOIN coupon_template t ON t.id = c.template_id
                WHERE UPPER(t.campaign_code) = UPPER(:code) AND c.status = 'USED'
                """).param("code", code).query((rs, n) -> new LinkedDiscount("coupon", rs.getLong("template_id"),
                rs.getLong("order_id"), rs.getBigDecimal("discount"))).list());
        return discounts;
    }

    /** Customers holding a coupon of a linked template (reached by the campaign). */
    public Set<Long> couponHolders(String code) {
        return new HashSet<>(jdbc.sql("""
                SELECT DISTINCT c.customer_id FROM coupon c JOIN coupon_template t ON t.id = c.template_id
                WHERE UPPER(t.campaign_code) = UPPER(:code)
                """).param("code", code).query(Long.class).list());
    }

    /** Σ spend per day. */
    public Map<LocalDate, BigDecimal> spentByDay(CampaignId id) {
        Map<LocalDate, BigDecimal> byDay = new LinkedHashMap<>();
        jdbc.sql("SELECT spent_on, SUM(amount) AS amount FROM campaign_spend WHERE campaign_id = :id"
                + " GROUP BY spent_on ORDER BY spent_on").param("id", id.value())
                .query(rs -> {
                    byDay.put(rs.getObject("spent_on", LocalDate.class), rs.getBigDecimal("amount"));
                });
        return byDay;
    }
}
