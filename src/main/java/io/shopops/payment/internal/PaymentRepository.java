package io.shopops.payment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.shopops.payment.PaymentId;
import io.shopops.payment.PaymentStatus;
import io.shopops.payment.PaymentView;
import io.shopops.shared.Money;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.persistence.Batches;
import io.shopops.shared.persistence.SqlTime;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Payments. Every change of status is {@link #transition}, a conditional UPDATE from the statuses the state
 * machine allows, and every change of the refunded amount a conditional UPDATE that keeps it within the captured
 * amount: whoever races for the same payment, each change happens once and no check is read-then-write.
 */
@Repository
public class PaymentRepository {

    private static final String COLUMNS = """
            id, reference, merchant_trade_no, provider_code, provider_payment_id, provider_transaction_id, subject,
            amount, currency, refunded_amount, status, cashier_url, qr_payload, expires_at, created_at, created_by,
            updated_at, paid_at, failed_at, closed_at""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    PaymentRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** A payment of the past that succeeded, with what its refunds took, for {@link #insertSucceeded}. */
    public record SucceededRow(String reference, String merchantTradeNo, String providerCode,
            @Nullable String providerPaymentId, String providerTransactionId, String subject, Money amount,
            Money refunded, Instant createdAt, Instant expiresAt, Instant paidAt, Instant updatedAt,
            String createdBy) {
    }

    /** Inserts succeeded payments in batches (an import of history); their ids in input order. */
    public List<PaymentId> insertSucceeded(List<SucceededRow> rows) {
        return Batches.insertReturningKeys(batch, """
                INSERT INTO payment (reference, open_reference, merchant_trade_no, provider_code, provider_payment_id,
                    provider_transaction_id, subject, amount, currency, refunded_amount, status, expires_at,
                    created_at, created_by, updated_at, paid_at)
                VALUES (:reference, NULL, :tradeNo, :provider, :providerPaymentId, :txn, :subject, :amount, :currency,
                    :refunded, 'SUCCEEDED', :expires, :created, :by, :updated, :paid)
                """, "id", rows.stream().map(row -> new MapSqlParameterSource()
                        .addValue("reference", row.reference()).addValue("tradeNo", row.merchantTradeNo())
                        .addValue("provider", row.providerCode()).addValue("providerPaymentId", row.providerPaymentId())
                        .addValue("txn", row.providerTransactionId()).addValue("subject", row.subject())
                        .addValue("amount", row.amount().amount())
                        .addValue("currency", row.amount().currency().getCurrencyCode())
                        .addValue("refunded", row.refunded().amount()).addValue("expires", SqlTime.utc(row.expiresAt()))
                        .addValue("created", SqlTime.utc(row.createdAt())).addValue("by", row.createdBy())
                        .addValue("updated", SqlTime.utc(row.updatedAt())).addValue("paid", SqlTime.utc(row.paidAt())))
                        .toList())
                .stream().map(PaymentId::new).toList();
    }

    /** Which of these references have a payment already, in batches of 500. */
    public Set<String> referencesWithPayments(Collection<String> references) {
        Set<String> found = new java.util.HashSet<>();
        for (List<String> chunk : Batches.chunks(List.copyOf(references), 500)) {
            found.addAll(jdbc.sql("SELECT DISTINCT reference FROM payment WHERE reference IN (:refs)")
                    .param("refs", chunk).query(String.class).list());
        }
        return found;
    }

    /** Which of these transaction numbers the provider's payments have already, in batches of 500. */
    public Set<String> transactionsRecorded(String providerCode, Collection<String> transactionIds) {
        Set<String> found = new java.util.HashSet<>();
        for (List<String> chunk : Batches.chunks(List.copyOf(transactionIds), 500)) {
            found.addAll(jdbc.sql("SELECT provider_transaction_id FROM payment WHERE provider_code = :provider AND provider_transaction_id IN (:ids)")
                    .param("provider", providerCode).param("ids", chunk).query(String.class).list());
        }
        return found;
    }

    /**
     * Inserts a PENDING payment. Throws {@link org.springframework.dao.DuplicateKeyException} while the reference
     * has an open (pending) payment already.
     */
    public PaymentId insert(String reference, String merchantTradeNo, String providerCode, String subject,
            Money amount, Instant expiresAt, String createdBy, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO payment (reference, open_reference, merchant_trade_no, provider_code, subject, amount,
                    currency, status, expires_at, created_at, created_by, updated_at)
                VALUES (:reference, :reference, :tradeNo, :provider, :subject, :amount, :currency, 'PENDING',
                    :expires, :now, :by, :now)
                """)
                .param("reference", reference).param("tradeNo", merchantTradeNo).param("provider", providerCode)
                .param("subject", subject).param("amount", amount.amount())
                .param("currency", amount.currency().getCurrencyCode()).param("expires", SqlTime.utc(expiresAt))
                .param("now", SqlTime.utc(now)).param("by", createdBy)
                .update(keys, "id");
        return new PaymentId(keys.getKeyAs(Number.class).longValue());
    }

    /** Records where the customer pays, the first time the provider answers (a repeated start finds it set). */
    public void checkout(PaymentId id, String providerPaymentId, String cashierUrl, @Nullable String qrPayload,
            Instant now) {
        jdbc.sql("""
                UPDATE payment SET provider_payment_id = :providerId, cashier_url = :url, qr_payload = :qr,
                    updated_at = :now
                WHERE id = :id AND provider_payment_id IS NULL
                """)
                .param("providerId", providerPaymentId).param("url", cashierUrl).param("qr", qrPayload)
                .param("now", SqlTime.utc(now)).param("id", id.value())
                .update();
    }

    /**
     * Moves the payment to {@code target} if its status is one the state machine allows that move from; false if
     * not (it already moved, or the move is not allowed). A success records the provider's transaction and the
     * time it was paid; a failure the transaction, if the payment has none yet.
     */
    public boolean transition(PaymentId id, PaymentStatus target, @Nullable String transactionId, Instant at,
            Instant now) {
        Set<PaymentStatus> from = PaymentStatus.before(target);
        String set = switch (target) {
            case SUCCEEDED -> "provider_transaction_id = :tx, paid_at = :at";
            case FAILED -> transactionId == null ? "failed_at = :at"
                    : "provider_transaction_id = COALESCE(provider_transaction_id, :tx), failed_at = :at";
            case CLOSED -> "closed_at = :at";
            case PENDING -> throw new IllegalArgumentException("No payment moves back to PENDING");
        };
        var statement = jdbc.sql("UPDATE payment SET status = :target, open_reference = NULL, updated_at = :now, "
                        + set + " WHERE id = :id AND status IN (:from)")
                .param("target", target.name()).param("now", SqlTime.utc(now)).param("at", SqlTime.utc(at))
                .param("id", id.value()).param("from", from.stream().map(Enum::name).toList());
        if (set.contains(":tx")) {
            statement = statement.param("tx", transactionId);
        }
        return statement.update() == 1;
    }

    /** Takes {@code amount} for a refund if the payment succeeded and that much of it is not refunded yet. */
    public boolean reserveRefund(PaymentId id, Money amount, Instant now) {
        return jdbc.sql("""
                UPDATE payment SET refunded_amount = refunded_amount + :amount, updated_at = :now
                WHERE id = :id AND status = 'SUCCEEDED' AND currency = :currency
                  AND refunded_amount + :amount <= amount
                """)
                .param("amount", amount.amount()).param("currency", amount.currency().getCurrencyCode())
                .param("now", SqlTime.utc(now)).param("id", id.value())
                .update() == 1;
    }

    /** Gives back what a failed refund had taken. */
    public boolean releaseRefund(PaymentId id, Money amount, Instant now) {
        return jdbc.sql("""
                UPDATE payment SET refunded_amount = refunded_amount - :amount, updated_at = :now
                WHERE id = :id AND refunded_amount >= :amount
                """)
                .param("amount", amount.amount()).param("now", SqlTime.utc(now)).param("id", id.value())
                .update() == 1;
    }

    public Optional<PaymentView> find(PaymentId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment WHERE id = :id").param("id", id.value())
                .query(PaymentRepository::view).optional();
    }

    public Optional<PaymentView> findByMerchantTradeNo(String merchantTradeNo) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment WHERE merchant_trade_no = :no")
                .param("no", merchantTradeNo).query(PaymentRepository::view).optional();
    }

    public List<PaymentView> findByMerchantTradeNos(Collection<String> merchantTradeNos) {
        if (merchantTradeNos.isEmpty()) {
            return List.of();
        }
        List<String> all = List.copyOf(merchantTradeNos);
        List<PaymentView> found = new java.util.ArrayList<>();
        for (int start = 0; start < all.size(); start += 500) {
            found.addAll(jdbc.sql("SELECT " + COLUMNS + " FROM payment WHERE merchant_trade_no IN (:nos)")
                    .param("nos", all.subList(start, Math.min(all.size(), start + 500)))
                    .query(PaymentRepository::view).list());
        }
        return found;
    }

    /** The payment, its row locked until the end of the transaction: reports about it are applied one at a time. */
    public Optional<PaymentView> lock(PaymentId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment WHERE id = :id FOR UPDATE").param("id", id.value())
                .query(PaymentRepository::view).optional();
    }

    /** The reference's open (PENDING) payment. */
    public Optional<PaymentView> findOpen(String reference) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment WHERE open_reference = :reference")
                .param("reference", reference).query(PaymentRepository::view).optional();
    }

    public boolean hasSucceeded(String reference) {
        return jdbc.sql("SELECT COUNT(*) FROM payment WHERE reference = :reference AND status = 'SUCCEEDED'")
                .param("reference", reference).query(Long.class).single() > 0;
    }

    /** PENDING payments created at or before {@code before}, by id, after the id {@code afterId}. */
    public List<PaymentView> pendingSince(Instant before, long afterId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM payment WHERE status = 'PENDING' AND created_at <= :before AND id > :after
                ORDER BY id LIMIT :limit
                """)
                .param("before", SqlTime.utc(before)).param("after", afterId).param("limit", limit)
                .query(PaymentRepository::view).list();
    }

    /** Payments that succeeded in [from, to) by the provider's clock. */
    public List<PaymentView> capturedBetween(Instant from, Instant to) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM payment WHERE status = 'SUCCEEDED' AND paid_at >= :from AND paid_at < :to ORDER BY paid_at, id
                """)
                .param("from", SqlTime.utc(from)).param("to", SqlTime.utc(to))
                .query(PaymentRepository::view).list();
    }

    /** Payments by status, reference, provider and creation time in [from, to), newest first. */
    public Page<PaymentView> find(@Nullable PaymentStatus status, @Nullable String reference,
            @Nullable String providerCode, @Nullable Instant from, @Nullable Instant to, PageQuery page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            where.append(" AND status = :status");
            params.put("status", status.name());
        }
        if (reference != null) {
            where.append(" AND reference = :reference");
            params.put("reference", reference);
        }
        if (providerCode != null) {
            where.append(" AND provider_code = :provider");
            params.put("provider", providerCode);
        }
        if (from != null) {
            where.append(" AND created_at >= :from");
            params.put("from", SqlTime.utc(from));
        }
        if (to != null) {
            where.append(" AND created_at < :to");
            params.put("to", SqlTime.utc(to));
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM payment" + where).params(params).query(Long.class).single();
        List<PaymentView> items = jdbc.sql("SELECT " + COLUMNS + " FROM payment" + where
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query(PaymentRepository::view).list();
        return Page.of(items, page, total);
    }

    static PaymentView view(ResultSet rs, int row) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency").trim());
        return new PaymentView(new PaymentId(rs.getLong("id")), rs.getString("reference"),
                rs.getString("merchant_trade_no"), rs.getString("provider_code"), rs.getString("provider_payment_id"),
                rs.getString("provider_transaction_id"), PaymentStatus.valueOf(rs.getString("status")),
                rs.getString("subject"), Money.of(rs.getBigDecimal("amount"), currency),
                Money.of(rs.getBigDecimal("refunded_amount"), currency), rs.getString("cashier_url"),
                rs.getString("qr_payload"), SqlTime.requiredInstant(rs, "expires_at"),
                SqlTime.requiredInstant(rs, "created_at"), rs.getString("created_by"),
                SqlTime.requiredInstant(rs, "updated_at"), SqlTime.instant(rs, "paid_at"),
                SqlTime.instant(rs, "failed_at"), SqlTime.instant(rs, "closed_at"));
    }
}
