package io.shopops.payment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import io.shopops.payment.PaymentId;
import io.shopops.payment.RefundId;
import io.shopops.payment.RefundStatus;
import io.shopops.payment.RefundView;
import io.shopops.shared.Money;
import io.shopops.shared.persistence.Batches;
import io.shopops.shared.persistence.SqlTime;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Refunds. A refund leaves PENDING through {@link #complete} only, a conditional UPDATE: once. */
@Repository
public class RefundRepository {

    private static final String COLUMNS = """
            id, payment_id, refund_no, idempotency_key, amount, currency, reason, status, provider_refund_id,
            failure_reason, created_at, created_by, completed_at""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    RefundRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** A refund of the past that succeeded, for {@link #insertSucceeded}. */
    public record SucceededRow(PaymentId paymentId, String refundNo, String idempotencyKey, Money amount,
            @Nullable String reason, String providerRefundId, Instant createdAt, Instant completedAt,
            String createdBy) {
    }

    /** Inserts succeeded refunds in batches (an import of history); their ids in input order. */
    public List<RefundId> insertSucceeded(List<SucceededRow> rows) {
        return Batches.insertReturningKeys(batch, """
                INSERT INTO payment_refund (payment_id, refund_no, idempotency_key, amount, currency, reason, status,
                    provider_refund_id, created_at, created_by, completed_at)
                VALUES (:payment, :no, :key, :amount, :currency, :reason, 'SUCCEEDED', :providerId, :created, :by,
                    :completed)
                """, "id", rows.stream().map(row -> new MapSqlParameterSource()
                        .addValue("payment", row.paymentId().value()).addValue("no", row.refundNo())
                        .addValue("key", row.idempotencyKey()).addValue("amount", row.amount().amount())
                        .addValue("currency", row.amount().currency().getCurrencyCode())
                        .addValue("reason", row.reason()).addValue("providerId", row.providerRefundId())
                        .addValue("created", SqlTime.utc(row.createdAt())).addValue("by", row.createdBy())
                        .addValue("completed", SqlTime.utc(row.completedAt())))
                        .toList())
                .stream().map(RefundId::new).toList();
    }

    /**
     * Inserts a PENDING refund. Throws {@link org.springframework.dao.DuplicateKeyException} when the idempotency
     * key was used before (by a request committed first).
     */
    public RefundId insert(PaymentId paymentId, String refundNo, String idempotencyKey, Money amount,
            @Nullable String reason, String createdBy, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO payment_refund (payment_id, refund_no, idempotency_key, amount, currency, reason, status,
                    created_at, created_by)
                VALUES (:payment, :no, :key, :amount, :currency, :reason, 'PENDING', :now, :by)
                """)
                .param("payment", paymentId.value()).param("no", refundNo).param("key", idempotencyKey)
                .param("amount", amount.amount()).param("currency", amount.currency().getCurrencyCode())
                .param("reason", reason).param("now", SqlTime.utc(now)).param("by", createdBy)
                .update(keys, "id");
        return new RefundId(keys.getKeyAs(Number.class).longValue());
    }

    /** Ends a PENDING refund as SUCCEEDED or FAILED; false if it is not pending (any more). */
    public boolean complete(RefundId id, RefundStatus status, @Nullable String providerRefundId,
            @Nullable String failureReason, Instant at) {
        if (status == RefundStatus.PENDING) {
            throw new IllegalArgumentException("A refund is completed as SUCCEEDED or FAILED");
        }
        return jdbc.sql("""
                UPDATE payment_refund SET status = :status, provider_refund_id = :providerId,
                    failure_reason = :failure, completed_at = :at
                WHERE id = :id AND status = 'PENDING'
                """)
                .param("status", status.name()).param("providerId", providerRefundId)
                .param("failure", failureReason).param("at", SqlTime.utc(at)).param("id", id.value())
                .update() == 1;
    }

    public Optional<RefundView> find(RefundId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_refund WHERE id = :id").param("id", id.value())
                .query(RefundRepository::view).optional();
    }

    public Optional<Keyed> findByIdempotencyKey(String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_refund WHERE idempotency_key = :key").param("key", key)
                .query((rs, n) -> new Keyed(view(rs, n), rs.getString("idempotency_key"))).optional();
    }

    public Optional<RefundView> findByRefundNo(String refundNo) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_refund WHERE refund_no = :no").param("no", refundNo)
                .query(RefundRepository::view).optional();
    }

    public List<RefundView> findByRefundNos(Collection<String> refundNos) {
        if (refundNos.isEmpty()) {
            return List.of();
        }
        List<String> all = List.copyOf(refundNos);
        List<RefundView> found = new java.util.ArrayList<>();
        for (int start = 0; start < all.size(); start += 500) {
            found.addAll(jdbc.sql("SELECT " + COLUMNS + " FROM payment_refund WHERE refund_no IN (:nos)")
                    .param("nos", all.subList(start, Math.min(all.size(), start + 500)))
                    .query(RefundRepository::view).list());
        }
        return found;
    }

    public List<RefundView> ofPayment(PaymentId paymentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment_refund WHERE payment_id = :payment ORDER BY id DESC")
                .param("payment", paymentId.value()).query(RefundRepository::view).list();
    }

    /** PENDING refunds created at or before {@code before}, by id, after the id {@code afterId}. */
    public List<RefundView> pendingSince(Instant before, long afterId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM payment_refund WHERE status = 'PENDING' AND created_at <= :before AND id > :after
                ORDER BY id LIMIT :limit
                """)
                .param("before", SqlTime.utc(before)).param("after", afterId).param("limit", limit)
                .query(RefundRepository::view).list();
    }

    /** Refunds that succeeded in [from, to). */
    public List<RefundView> refundedBetween(Instant from, Instant to) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM payment_refund WHERE status = 'SUCCEEDED' AND completed_at >= :from AND completed_at < :to
                ORDER BY completed_at, id
                """)
                .param("from", SqlTime.utc(from)).param("to", SqlTime.utc(to))
                .query(RefundRepository::view).list();
    }

    /** A refund with the idempotency key it was created under. */
    public record Keyed(RefundView refund, String idempotencyKey) {
    }

    static RefundView view(ResultSet rs, int row) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency").trim());
        return new RefundView(new RefundId(rs.getLong("id")), new PaymentId(rs.getLong("payment_id")),
                rs.getString("refund_no"), Money.of(rs.getBigDecimal("amount"), currency), rs.getString("reason"),
                RefundStatus.valueOf(rs.getString("status")), rs.getString("provider_refund_id"),
                rs.getString("failure_reason"), SqlTime.requiredInstant(rs, "created_at"), rs.getString("created_by"),
                SqlTime.instant(rs, "completed_at"));
    }
}
