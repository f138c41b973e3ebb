package io.shopops.payment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

import io.shopops.payment.NotificationLogEntry;
import io.shopops.payment.PaymentId;
import io.shopops.payment.PaymentStatus;
import io.shopops.shared.Money;
import io.shopops.shared.persistence.SqlTime;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The log of verified provider reports per payment, written in the transaction that applies them. */
@Repository
public class NotificationLogRepository {

    private final JdbcClient jdbc;

    NotificationLogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void append(PaymentId paymentId, String providerCode, NotificationLogEntry.Source source,
            @Nullable String notificationId, @Nullable String transactionId, String reportedStatus,
            @Nullable Money amount, NotificationLogEntry.Outcome outcome, PaymentStatus before, PaymentStatus after,
            Instant now) {
        jdbc.sql("""
                INSERT INTO payment_notification (payment_id, provider_code, source, notification_id,
                    provider_transaction_id, reported_status, amount, currency, outcome, status_before, status_after,
                    received_at)
                VALUES (:payment, :provider, :source, :notification, :tx, :reported, :amount, :currency, :outcome,
                    :before, :after, :now)
                """)
                .param("payment", paymentId.value()).param("provider", providerCode).param("source", source.name())
                .param("notification", notificationId).param("tx", transactionId).param("reported", reportedStatus)
                .param("amount", amount == null ? null : amount.amount())
                .param("currency", amount == null ? null : amount.currency().getCurrencyCode())
                .param("outcome", outcome.name()).param("before", before.name()).param("after", after.name())
                .param("now", SqlTime.utc(now))
                .update();
    }

    public List<NotificationLogEntry> ofPayment(PaymentId paymentId, int limit) {
        return jdbc.sql("SELECT * FROM payment_notification WHERE payment_id = :payment ORDER BY id DESC LIMIT :limit")
                .param("payment", paymentId.value()).param("limit", limit)
                .query(NotificationLogRepository::entry).list();
    }

    static NotificationLogEntry entry(ResultSet rs, int row) throws SQLException {
        String currency = rs.getString("currency");
        Money amount = currency == null || rs.getBigDecimal("amount") == null ? null
                : Money.of(rs.getBigDecimal("amount"), Currency.getInstance(currency.trim()));
        return new NotificationLogEntry(rs.getLong("id"), new PaymentId(rs.getLong("payment_id")),
                rs.getString("provider_code"), NotificationLogEntry.Source.valueOf(rs.getString("source")),
                rs.getString("notification_id"), rs.getString("provider_transaction_id"),
                rs.getString("reported_status"), amount,
                NotificationLogEntry.Outcome.valueOf(rs.getString("outcome")),
                PaymentStatus.valueOf(rs.getString("status_before")), PaymentStatus.valueOf(rs.getString("status_after")),
                SqlTime.requiredInstant(rs, "received_at"));
    }
}
