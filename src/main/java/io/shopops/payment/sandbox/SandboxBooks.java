package io.shopops.payment.sandbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import io.shopops.payment.PaymentProvider;
import io.shopops.shared.Money;
import io.shopops.shared.persistence.Batches;
import io.shopops.shared.persistence.SqlTime;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The sandbox's own tables. Trades change status by conditional UPDATEs (a trade is paid once), refunds are
 * taken from what is left of a trade by a conditional UPDATE, and notifications are delivered once: the same
 * rules a real provider keeps in its books.
 */
@Repository
class SandboxBooks {

    private static final String TRADE = "SELECT * FROM sandbox_trade";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    SandboxBooks(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** A paid trade of the past, with its token, for {@link #insertPaidTrades}. */
    record PaidTrade(String token, String merchant, PaymentProvider.HistoricalTrade trade) {
    }

    /**
     * Records trades paid in the past and their successful refunds, in batches (an import of history); the trades'
     * ids in input order.
     */
    List<Long> insertPaidTrades(List<PaidTrade> trades) {
        List<MapSqlParameterSource> rows = new ArrayList<>(trades.size());
        for (PaidTrade paid : trades) {
            PaymentProvider.HistoricalTrade trade = paid.trade();
            Money refunded = Money.zero(trade.amount().currency());
            for (PaymentProvider.HistoricalRefund refund : trade.refunds()) {
                refunded = refunded.plus(refund.amount());
            }
            rows.add(new MapSqlParameterSource().addValue("token", paid.token())
                    .addValue("outTradeNo", trade.merchantTradeNo()).addValue("tradeNo", trade.transactionId())
                    .addValue("merchant", paid.merchant()).addValue("subject", trade.subject())
                    .addValue("passback", trade.reference()).addValue("amount", trade.amount().amount())
                    .addValue("currency", trade.amount().currency().getCurrencyCode())
                    .addValue("refunded", refunded.amount()).addValue("created", SqlTime.utc(trade.createdAt()))
                    .addValue("expires", SqlTime.utc(trade.expiresAt())).addValue("paid", SqlTime.utc(trade.paidAt())));
        }
        List<Long> ids = Batches.insertReturningKeys(batch, """
                INSERT INTO sandbox_trade (token, out_trade_no, trade_no, merchant, subject, passback, amount, currency,
                    refunded_amount, status, created_at, expires_at, paid_at)
                VALUES (:token, :outTradeNo, :tradeNo, :merchant, :subject, :passback, :amount, :currency, :refunded,
                    'SUCCESS', :created, :expires, :paid)
                """, "id", rows);
        List<MapSqlParameterSource> refunds = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            for (PaymentProvider.HistoricalRefund refund : trades.get(i).trade().refunds()) {
                refunds.add(new MapSqlParameterSource().addValue("trade", ids.get(i))
                        .addValue("no", refund.merchantRefundNo()).addValue("refundNo", refund.providerRefundId())
                        .addValue("amount", refund.amount().amount()).addValue("reason", refund.reason())
                        .addValue("at", SqlTime.utc(refund.refundedAt())));
            }
        }
        Batches.insert(batch, """
                INSERT INTO sandbox_refund (trade_id, out_request_no, refund_no, amount, status, reason, created_at)
                VALUES (:trade, :no, :refundNo, :amount, 'SUCCESS', :reason, :at)
                """, refunds);
        return ids;
    }

    // --- trades ------------------------------------------------------------------------------------------------

    long insertTrade(String token, String outTradeNo, String merchant, String subject, @Nullable String reference,
            Money amount, Instant now, Instant expiresAt) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO sandbox_trade (token, out_trade_no, merchant, subject, passback, amount, currency, status,
                    created_at, expires_at)
                VALUES (:token, :outTradeNo, :merchant, :subject, :passback, :amount, :currency, 'WAIT_BUYER_PAY',
                    :now, :expires)
                """)
                .param("token", token).param("outTradeNo", outTradeNo).param("merchant", merchant)
                .param("subject", subject).param("passback", reference).param("amount", amount.amount())
                .param("currency", amount.currency().getCurrencyCode()).param("now", SqlTime.utc(now))
                .param("expires", SqlTime.utc(expiresAt))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<SandboxTrade> trade(long id) {
        return jdbc.sql(TRADE + " WHERE id = :id").param("id", id).query(SandboxBooks::trade).optional();
    }

    Optional<SandboxTrade> tradeByToken(String token) {
        return jdbc.sql(TRADE + " WHERE token = :token").param("token", token).query(SandboxBooks::trade).optional();
    }

    Optional<SandboxTrade> tradeByOutTradeNo(String outTradeNo) {
        return jdbc.sql(TRADE + " WHERE out_trade_no = :no").param("no", outTradeNo).query(SandboxBooks::trade)
                .optional();
    }

    /** Closes the trade if it is unpaid and its time ran out at {@code now}. */
    void closeIfExpired(long id, Instant now) {
        jdbc.sql("""
                UPDATE sandbox_trade SET status = 'CLOSED', closed_at = expires_at
                WHERE id = :id AND status IN ('WAIT_BUYER_PAY', 'FAILED') AND expires_at <= :now
                """)
                .param("id", id).param("now", SqlTime.utc(now)).update();
    }

    /** The buyer pays: once, while the trade is open. */
    boolean pay(long id, String tradeNo, Instant now) {
        return jdbc.sql("""
                UPDATE sandbox_trade SET status = 'SUCCESS', trade_no = COALESCE(trade_no, :tradeNo), paid_at = :now
                WHERE id = :id AND status IN ('WAIT_BUYER_PAY', 'FAILED') AND expires_at > :now
                """)
                .param("tradeNo", tradeNo).param("now", SqlTime.utc(now)).param("id", id).update() == 1;
    }

    /** The buyer's attempt is declined; the trade stays open for another attempt. */
    boolean decline(long id, String tradeNo, Instant now) {
        return jdbc.sql("""
                UPDATE sandbox_trade SET status = 'FAILED', trade_no = COALESCE(trade_no, :tradeNo)
                WHERE id = :id AND status IN ('WAIT_BUYER_PAY', 'FAILED') AND expires_at > :now
                """)
                .param("tradeNo", tradeNo).param("now", SqlTime.utc(now)).param("id", id).update() == 1;
    }

    /** The merchant closes an unpaid trade. */
    boolean close(long id, Instant now) {
        return jdbc.sql("""
                UPDATE sandbox_trade SET status = 'CLOSED', closed_at = :now
                WHERE id = :id AND status IN ('WAIT_BUYER_PAY', 'FAILED')
                """)
                .param("now", SqlTime.utc(now)).param("id", id).update() == 1;
    }

    /** Trades paid in [from, to). */
    List<SandboxTrade> paidBetween(Instant from, Instant to) {
        return jdbc.sql(TRADE + " WHERE status = 'SUCCESS' AND paid_at >= :from AND paid_at < :to ORDER BY paid_at, id")
                .param("from", SqlTime.utc(from)).param("to", SqlTime.utc(to)).query(SandboxBooks::trade).list();
    }

    // --- refunds -----------------------------------------------------------------------------------------------

    Optional<SandboxRefund> refund(long tradeId, String outRequestNo) {
        return jdbc.sql("SELECT r.*, t.currency FROM sandbox_refund r JOIN sandbox_trade t ON t.id = r.trade_id"
                        + " WHERE r.trade_id = :trade AND r.out_request_no = :no")
                .param("trade", tradeId).param("no", outRequestNo).query(SandboxBooks::refund).optional();
    }

    /** Takes {@code amount} from what is left to refund of a paid trade. */
    boolean takeRefund(long tradeId, Money amount) {
        return jdbc.sql("""
                UPDATE sandbox_trade SET refunded_amount = refunded_amount + :amount
                WHERE id = :id AND status = 'SUCCESS' AND refunded_amount + :amount <= amount
                """)
                .param("amount", amount.amount()).param("id", tradeId).update() == 1;
    }

    /** Throws {@link org.springframework.dao.DuplicateKeyException} when the request number was used for the trade. */
    void insertRefund(long tradeId, String outRequestNo, String refundNo, Money amount, SandboxRefund.Status status,
            @Nullable String reason, Instant now) {
        jdbc.sql("""
                INSERT INTO sandbox_refund (trade_id, out_request_no, refund_no, amount, status, reason, created_at)
                VALUES (:trade, :no, :refundNo, :amount, :status, :reason, :now)
                """)
                .param("trade", tradeId).param("no", outRequestNo).param("refundNo", refundNo)
                .param("amount", amount.amount()).param("status", status.name()).param("reason", reason)
                .param("now", SqlTime.utc(now)).update();
    }

    /** Refunds that succeeded in [from, to), with their trades' merchant numbers. */
    List<RefundLine> refundedBetween(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT r.*, t.currency, t.out_trade_no FROM sandbox_refund r JOIN sandbox_trade t ON t.id = r.trade_id
                WHERE r.status = 'SUCCESS' AND r.created_at >= :from AND r.created_at < :to ORDER BY r.created_at, r.id
                """)
                .param("from", SqlTime.utc(from)).param("to", SqlTime.utc(to))
                .query((rs, n) -> new RefundLine(refund(rs, n), rs.getString("out_trade_no"))).list();
    }

    record RefundLine(SandboxRefund refund, String outTradeNo) {
    }

    // --- notifications -----------------------------------------------------------------------------------------

    long insertNotice(long tradeId, String notifyId, String tradeStatus, String body, SandboxNotice.Status status,
            long firstDelayMillis, @Nullable Long afterId, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO sandbox_notification (trade_id, notify_id, trade_status, body, status, first_delay_ms,
                    after_id, created_at)
                VALUES (:trade, :notifyId, :tradeStatus, :body, :status, :delay, :after, :now)
                """)
                .param("trade", tradeId).param("notifyId", notifyId).param("tradeStatus", tradeStatus)
                .param("body", body).param("status", status.name()).param("delay", firstDelayMillis)
                .param("after", afterId).param("now", SqlTime.utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<SandboxNotice> notice(long id) {
        return jdbc.sql("SELECT * FROM sandbox_notification WHERE id = :id").param("id", id)
                .query(SandboxBooks::notice).optional();
    }

    List<SandboxNotice> notices(long tradeId) {
        return jdbc.sql("SELECT * FROM sandbox_notification WHERE trade_id = :trade ORDER BY id")
                .param("trade", tradeId).query(SandboxBooks::notice).list();
    }

    /** Pending notifications not held back for one that is still undelivered: what to (re)schedule at start. */
    List<SandboxNotice> deliverable() {
        return jdbc.sql("""
                SELECT n.* FROM sandbox_notification n
                LEFT JOIN sandbox_notification before ON before.id = n.after_id
                WHERE n.status = 'PENDING' AND (n.after_id IS NULL OR before.status <> 'PENDING')
                ORDER BY n.id
                """)
                .query(SandboxBooks::notice).list();
    }

    /** Notifications held back until {@code id} is delivered. */
    List<SandboxNotice> heldFor(long id) {
        return jdbc.sql("SELECT * FROM sandbox_notification WHERE after_id = :id AND status = 'PENDING' ORDER BY id")
                .param("id", id).query(SandboxBooks::notice).list();
    }

    /** Records an attempt: delivered, or (after the last attempt allowed) given up; once, while pending. */
    boolean attempted(long id, int attempts, SandboxNotice.Status status, String answer, Instant now) {
        return jdbc.sql("""
                UPDATE sandbox_notification SET attempts = :attempts, status = :status, last_answer = :answer,
                    delivered_at = :deliveredAt
                WHERE id = :id AND status = 'PENDING' AND attempts = :before
                """)
                .param("attempts", attempts).param("status", status.name())
                .param("answer", answer.length() > 200 ? answer.substring(0, 200) : answer)
                .param("deliveredAt", status == SandboxNotice.Status.DELIVERED ? SqlTime.utc(now) : null).param("id", id).param("before", attempts - 1).update() == 1;
    }

    // --- rows --------------------------------------------------------------------------------------------------

    static SandboxTrade trade(ResultSet rs, int row) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency").trim());
        long id = rs.getLong("id");
        return new SandboxTrade(id, SandboxTrade.providerPaymentId(id), rs.getString("token"),
                rs.getString("out_trade_no"), rs.getString("trade_no"), rs.getString("merchant"),
                rs.getString("subject"), rs.getString("passback"), Money.of(rs.getBigDecimal("amount"), currency),
                Money.of(rs.getBigDecimal("refunded_amount"), currency),
                SandboxTrade.Status.valueOf(rs.getString("status")), SqlTime.requiredInstant(rs, "created_at"),
                SqlTime.requiredInstant(rs, "expires_at"), SqlTime.instant(rs, "paid_at"),
                SqlTime.instant(rs, "closed_at"));
    }

    static SandboxRefund refund(ResultSet rs, int row) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency").trim());
        return new SandboxRefund(rs.getLong("id"), rs.getLong("trade_id"), rs.getString("out_request_no"),
                rs.getString("refund_no"), Money.of(rs.getBigDecimal("amount"), currency),
                SandboxRefund.Status.valueOf(rs.getString("status")), rs.getString("reason"),
                SqlTime.requiredInstant(rs, "created_at"));
    }

    static SandboxNotice notice(ResultSet rs, int row) throws SQLException {
        long after = rs.getLong("after_id");
        Long afterId = rs.wasNull() ? null : after;
        return new SandboxNotice(rs.getLong("id"), rs.getLong("trade_id"), rs.getString("notify_id"),
                rs.getString("trade_status"), rs.getString("body"),
                SandboxNotice.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
                rs.getLong("first_delay_ms"), afterId, rs.getString("last_answer"),
                SqlTime.requiredInstant(rs, "created_at"), SqlTime.instant(rs, "delivered_at"));
    }
}
