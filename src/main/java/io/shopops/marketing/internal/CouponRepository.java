package io.shopops.marketing.internal;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.shopops.marketing.CouponKind;
import io.shopops.marketing.CouponTemplateId;
import io.shopops.marketing.CouponTemplateStatus;
import io.shopops.marketing.TargetScope;
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
 * Coupon templates and coupons. Issuing is two conditional UPDATEs (the template's total, the customer's holding)
 * checked by their row counts, and using one is a conditional UPDATE from AVAILABLE: a coupon is used once however
 * many checkouts race for it, and a template never issues more than its total.
 */
@Repository
public class CouponRepository {

    private static final char[] CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    CouponRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- templates -----------------------------------------------------------------------------------------

    public CouponTemplateId insert(CouponTemplateRecord t) {
        KeyHolder keys = new GeneratedKeyHolder();
        params(jdbc.sql("""
                INSERT INTO coupon_template (name, description, redeem_code, kind, currency, amount_off, percent_off,
                    max_discount, threshold, scope, stacks_with_promotions, below_cost_allowed, claimable, issue_from,
                    issue_until, valid_from, valid_until, valid_days, total_quantity, issued, per_customer_limit,
                    status, campaign_code, created_by, created_at, updated_at, version)
                VALUES (:name, :description, :code, :kind, :currency, :amountOff, :percentOff, :maxDiscount,
                    :threshold, :scope, :stacks, :belowCost, :claimable, :issueFrom, :issueUntil, :validFrom,
                    :validUntil, :validDays, :total, 0, :limit, 'DRAFT', :campaign, :createdBy, :at, :at, 0)
                """), t).param("createdBy", t.createdBy()).param("at", SqlTime.utc(t.createdAt())).update(keys, "id");
        CouponTemplateId id = new CouponTemplateId(keys.getKey().longValue());
        insertTargets(id, t.targetIds());
        return id;
    }

    public boolean updateDraft(CouponTemplateId id, CouponTemplateRecord t, long expectedVersion, Instant now) {
        boolean updated = params(jdbc.sql("""
                UPDATE coupon_template SET name = :name, description = :description, redeem_code = :code,
                    kind = :kind, currency = :currency, amount_off = :amountOff, percent_off = :percentOff,
                    max_discount = :maxDiscount, threshold = :threshold, scope = :scope,
                    stacks_with_promotions = :stacks, below_cost_allowed = :belowCost, claimable = :claimable,
                    issue_from = :issueFrom, issue_until = :issueUntil, valid_from = :validFrom,
                    valid_until = :validUntil, valid_days = :validDays, total_quantity = :total,
                    per_customer_limit = :limit, campaign_code = :campaign, updated_at = :at, version = version + 1
                WHERE id = :id AND status = 'DRAFT' AND version = :version
                """), t).param("id", id.value()).param("version", expectedVersion).param("at", SqlTime.utc(now))
                .update() == 1;
        if (updated) {
            jdbc.sql("DELETE FROM coupon_template_target WHERE template_id = :id").param("id", id.value()).update();
            insertTargets(id, t.targetIds());
        }
        return updated;
    }

    private JdbcClient.StatementSpec params(JdbcClient.StatementSpec spec, CouponTemplateRecord t) {
        return spec.param("name", t.name()).param("description", t.description()).param("code", t.redeemCode())
                .param("kind", t.kind().name()).param("currency", t.threshold().currency().getCurrencyCode())
                .param("amountOff", amount(t.amountOff())).param("percentOff", t.percentOff())
                .param("maxDiscount", amount(t.maxDiscount())).param("threshold", t.threshold().amount())
                .param("scope", t.scope().name()).param("stacks", t.stacksWithPromotions())
                .param("belowCost", t.belowCostAllowed()).param("claimable", t.claimable())
                .param("issueFrom", SqlTime.utc(t.issueFrom())).param("issueUntil", SqlTime.utc(t.issueUntil()))
                .param("validFrom", SqlTime.utc(t.validFrom())).param("validUntil", SqlTime.utc(t.validUntil()))
                .param("validDays", t.validDays()).param("total", t.totalQuantity())
                .param("limit", t.perCustomerLimit()).param("campaign", t.campaignCode());
    }

    private void insertTargets(CouponTemplateId id, List<Long> targets) {
        for (Long target : new LinkedHashSet<>(targets)) {
            jdbc.sql("INSERT INTO coupon_template_target (template_id, target_id) VALUES (:id, :target)")
                    .param("id", id.value()).param("target", target).update();
        }
    }

    private static @Nullable BigDecimal amount(@Nullable Money money) {
        return money == null ? null : money.amount();
    }

    public boolean move(CouponTemplateId id, CouponTemplateStatus from, CouponTemplateStatus to, long expectedVersion,
            Instant now) {
        return jdbc.sql("""
                UPDATE coupon_template SET status = :to, updated_at = :at, version = version + 1
                WHERE id = :id AND status = :from AND version = :version
                """).param("to", to.name()).param("at", SqlTime.utc(now)).param("id", id.value())
                .param("from", from.name()).param("version", expectedVersion).update() == 1;
    }

    public Optional<CouponTemplateRecord> template(CouponTemplateId id) {
        return templates("SELECT * FROM coupon_template WHERE id = :id", Map.of("id", id.value())).stream().findFirst();
    }

    public Optional<CouponTemplateRecord> templateByCode(String code) {
        return templates("SELECT * FROM coupon_template WHERE redeem_code = :code", Map.of("code", code)).stream()
                .findFirst();
    }

    public Map<CouponTemplateId, CouponTemplateRecord> templates(Collection<CouponTemplateId> ids) {
        Map<CouponTemplateId, CouponTemplateRecord> found = new HashMap<>();
        if (!ids.isEmpty()) {
            templates("SELECT * FROM coupon_template WHERE id IN (:ids)",
                    Map.of("ids", ids.stream().map(CouponTemplateId::value).distinct().toList()))
                    .forEach(t -> found.put(t.id(), t));
        }
        return found;
    }

    public boolean redeemCodeTaken(String code, @Nullable CouponTemplateId except) {
        return jdbc.sql("SELECT COUNT(*) FROM coupon_template WHERE redeem_code = :code AND id <> :except")
                .param("code", code).param("except", except == null ? -1 : except.value()).query(Long.class)
                .single() > 0;
    }

    public List<CouponTemplateRecord> claimable(Instant now) {
        return templates("""
                SELECT * FROM coupon_template WHERE status = 'ACTIVE' AND claimable = TRUE AND issue_from <= :now
                    AND issue_until > :now AND issued < total_quantity ORDER BY issue_until, id
                """, Map.of("now", SqlTime.utc(now)));
    }

    public Page<CouponTemplateRecord> find(@Nullable CouponTemplateStatus status, @Nullable String text,
            PageQuery page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            where.append(" AND status = :status");
            params.put("status", status.name());
        }
        if (text != null && !text.isBlank()) {
            where.append(" AND (LOWER(name) LIKE :text").append(Like.ESCAPE)
                    .append(" OR LOWER(redeem_code) LIKE :text").append(Like.ESCAPE).append(')');
            params.put("text", Like.contains(text.trim().toLowerCase()));
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM coupon_template" + where).params(params).query(Long.class)
                .single();
        Map<String, Object> paged = new HashMap<>(params);
        paged.put("limit", page.size());
        paged.put("offset", page.offset());
        return Page.of(templates("SELECT * FROM coupon_template" + where
                + " ORDER BY updated_at DESC, id DESC LIMIT :limit OFFSET :offset", paged), page, total);
    }

    private List<CouponTemplateRecord> templates(String sql, Map<String, ?> params) {
        List<CouponTemplateRecord> rows = jdbc.sql(sql).params(params).query(CouponRepository::template).list();
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<Long>> targets = new HashMap<>();
        jdbc.sql("SELECT template_id, target_id FROM coupon_template_target WHERE template_id IN (:ids) ORDER BY target_id")
                .param("ids", rows.stream().map(t -> t.id().value()).toList())
                .query(rs -> {
                    targets.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                });
        return rows.stream().map(t -> targets.containsKey(t.id().value()) ? withTargets(t,
                targets.get(t.id().value())) : t).toList();
    }

    private static CouponTemplateRecord withTargets(CouponTemplateRecord t, List<Long> targets) {
        return new CouponTemplateRecord(t.id(), t.name(), t.description(), t.redeemCode(), t.kind(), t.amountOff(),
                t.percentOff(), t.maxDiscount(), t.threshold(), t.scope(), targets, t.stacksWithPromotions(),
                t.belowCostAllowed(), t.claimable(), t.issueFrom(), t.issueUntil(), t.validFrom(), t.validUntil(),
                t.validDays(), t.totalQuantity(), t.issued(), t.perCustomerLimit(), t.status(), t.campaignCode(),
                t.createdBy(), t.createdAt(), t.updatedAt(), t.version());
    }

    private static CouponTemplateRecord template(ResultSet rs, int n) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency").trim());
        return new CouponTemplateRecord(new CouponTemplateId(rs.getLong("id")), rs.getString("name"),
                rs.getString("description"), rs.getString("redeem_code"), CouponKind.valueOf(rs.getString("kind")),
                money(rs, "amount_off", currency), rs.getBigDecimal("percent_off"), money(rs, "max_discount", currency),
                Money.of(rs.getBigDecimal("threshold"), currency), TargetScope.valueOf(rs.getString("scope")),
                List.of(), rs.getBoolean("stacks_with_promotions"), rs.getBoolean("below_cost_allowed"),
                rs.getBoolean("claimable"), SqlTime.requiredInstant(rs, "issue_from"),
                SqlTime.requiredInstant(rs, "issue_until"), SqlTime.instant(rs, "valid_from"),
                SqlTime.instant(rs, "valid_until"), rs.getObject("valid_days", Integer.class),
                rs.getInt("total_quantity"), rs.getInt("issued"), rs.getInt("per_customer_limit"),
                CouponTemplateStatus.valueOf(rs.getString("status")), rs.getString("campaign_code"),
                rs.getString("created_by"), SqlTime.requiredInstant(rs, "created_at"),
                SqlTime.requiredInstant(rs, "updated_at"), rs.getLong("version"));
    }

    private static @Nullable Money money(ResultSet rs, String column, Currency currency) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : Money.of(value, currency);
    }

    // --- issuing -------------------------------------------------------------------------------------------

    /** Takes one from the template's total; false when all are issued. */
    public boolean takeOne(CouponTemplateId id) {
        return jdbc.sql("UPDATE coupon_template SET issued = issued + 1 WHERE id = :id AND issued < total_quantity")
                .param("id", id.value()).update() == 1;
    }

    public void ensureHolding(CouponTemplateId id, long customer) {
        jdbc.sql("""
                INSERT INTO coupon_holding (template_id, customer_id, issued)
                SELECT :id, :customer, 0 FROM marketing_revision
                WHERE id = 1 AND NOT EXISTS (SELECT 1 FROM coupon_holding WHERE template_id = :id AND customer_id = :customer)
                """).param("id", id.value()).param("customer", customer).update();
    }

    /** Counts one more coupon held by the customer; false at the limit. */
    public boolean hold(CouponTemplateId id, long customer, int limit) {
        return jdbc.sql("""
                UPDATE coupon_holding SET issued = issued + 1
                WHERE template_id = :id AND customer_id = :customer AND issued < :limit
                """).param("id", id.value()).param("customer", customer).param("limit", limit).update() == 1;
    }

    public int held(CouponTemplateId id, long customer) {
        return jdbc.sql("SELECT issued FROM coupon_holding WHERE template_id = :id AND customer_id = :customer")
                .param("id", id.value()).param("customer", customer).query(Integer.class).optional().orElse(0);
    }

    public long insertCoupon(CouponTemplateId template, long customer, String source, Instant issuedAt,
            Instant validFrom, Instant validUntil) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO coupon (template_id, customer_id, code, status, source, issued_at, valid_from, valid_until)
                VALUES (:template, :customer, :code, 'AVAILABLE', :source, :at, :from, :until)
                """).param("template", template.value()).param("customer", customer).param("code", newCode())
                .param("source", source).param("at", SqlTime.utc(issuedAt)).param("from", SqlTime.utc(validFrom))
                .param("until", SqlTime.utc(validUntil)).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** 12 characters of an alphabet without look-alikes (no 0/O, 1/I): 32^12 ≈ 10^18 codes, not guessable. */
    private String newCode() {
        char[] code = new char[12];
        for (int i = 0; i < code.length; i++) {
            code[i] = CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)];
        }
        return new String(code);
    }

    // --- using ---------------------------------------------------------------------------------------------

    public Optional<CouponRecord> couponByCode(String code) {
        return jdbc.sql("SELECT c.*, t.currency FROM coupon c JOIN coupon_template t ON t.id = c.template_id WHERE c.code = :code")
                .param("code", code).query(CouponRepository::coupon).optional();
    }

    public Optional<CouponRecord> coupon(long id) {
        return jdbc.sql("SELECT c.*, t.currency FROM coupon c JOIN coupon_template t ON t.id = c.template_id WHERE c.id = :id")
                .param("id", id).query(CouponRepository::coupon).optional();
    }

    /** Uses an available, valid coupon for an order; false when it is no longer available. */
    public boolean use(long coupon, long customer, long order, BigDecimal discount, Instant now) {
        return jdbc.sql("""
                UPDATE coupon SET status = 'USED', order_id = :order, used_at = :now, discount = :discount
                WHERE id = :id AND customer_id = :customer AND status = 'AVAILABLE' AND valid_from <= :now
                    AND valid_until > :now
                """).param("order", order).param("now", SqlTime.utc(now)).param("discount", discount)
                .param("id", coupon).param("customer", customer).update() == 1;
    }

    /** Gives a cancelled order's coupons back to their holders (once); returns how many. */
    public int giveBack(long order) {
        return jdbc.sql("""
                UPDATE coupon SET status = 'AVAILABLE', order_id = NULL, used_at = NULL, discount = NULL
                WHERE order_id = :order AND status = 'USED'
                """).param("order", order).update();
    }

    public boolean voidCoupon(long coupon) {
        return jdbc.sql("UPDATE coupon SET status = 'VOID' WHERE id = :id AND status = 'AVAILABLE'")
                .param("id", coupon).update() == 1;
    }

    public List<CouponRecord> ofCustomer(long customer, int limit) {
        return jdbc.sql("""
                SELECT c.*, t.currency FROM coupon c JOIN coupon_template t ON t.id = c.template_id
                WHERE c.customer_id = :customer ORDER BY c.valid_until DESC, c.id DESC LIMIT :limit
                """).param("customer", customer).param("limit", limit).query(CouponRepository::coupon).list();
    }

    public Page<CouponRecord> ofTemplate(CouponTemplateId template, PageQuery page) {
        long total = jdbc.sql("SELECT COUNT(*) FROM coupon WHERE template_id = :t").param("t", template.value())
                .query(Long.class).single();
        List<CouponRecord> items = jdbc.sql("""
                SELECT c.*, t.currency FROM coupon c JOIN coupon_template t ON t.id = c.template_id
                WHERE c.template_id = :t ORDER BY c.id DESC LIMIT :limit OFFSET :offset
                """).param("t", template.value()).param("limit", page.size()).param("offset", page.offset())
                .query(CouponRepository::coupon).list();
        return Page.of(items, page, total);
    }

    /** issued, claimed, used, available (valid), expired, void, cost in minor units — per template. */
    public Map<CouponTemplateId, long[]> stats(Collection<CouponTemplateId> ids, Instant now) {
        Map<CouponTemplateId, long[]> stats = new HashMap<>();
        if (ids.isEmpty()) {
            return stats;
        }
        jdbc.sql("""
                SELECT template_id, COUNT(*) AS issued,
                    SUM(CASE WHEN source <> 'BULK' THEN 1 ELSE 0 END) AS claimed,
                    SUM(CASE WHEN status = 'USED' THEN 1 ELSE 0 END) AS used,
                    SUM(CASE WHEN status = 'AVAILABLE' AND valid_until > :now THEN 1 ELSE 0 END) AS available,
                    SUM(CASE WHEN status = 'AVAILABLE' AND valid_until <= :now THEN 1 ELSE 0 END) AS expired,
                    SUM(CASE WHEN status = 'VOID' THEN 1 ELSE 0 END) AS voided,
                    COALESCE(SUM(CASE WHEN status = 'USED' THEN discount ELSE 0 END), 0) AS cost
                FROM coupon WHERE template_id IN (:ids) GROUP BY template_id
                """).param("now", SqlTime.utc(now)).param("ids", ids.stream().map(CouponTemplateId::value).toList())
                .query(rs -> {
                    stats.put(new CouponTemplateId(rs.getLong("template_id")), new long[] { rs.getLong("issued"),
                            rs.getLong("claimed"), rs.getLong("used"), rs.getLong("available"), rs.getLong("expired"),
                            rs.getLong("voided"), rs.getBigDecimal("cost").movePointRight(2).longValueExact() });
                });
        return stats;
    }

    private static CouponRecord coupon(ResultSet rs, int n) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency").trim());
        return new CouponRecord(rs.getLong("id"), new CouponTemplateId(rs.getLong("template_id")),
                rs.getLong("customer_id"), rs.getString("code"), rs.getString("status"), rs.getString("source"),
                SqlTime.requiredInstant(rs, "issued_at"), SqlTime.requiredInstant(rs, "valid_from"),
                SqlTime.requiredInstant(rs, "valid_until"), rs.getObject("order_id", Long.class),
                SqlTime.instant(rs, "used_at"), money(rs, "discount", currency));
    }
}
