package io.shopops.payment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import io.shopops.payment.PaymentId;
import io.shopops.payment.PaymentIncident;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.persistence.SqlTime;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Payment incidents: refused or suspicious provider reports, newest first. */
@Repository
public class IncidentRepository {

    private final JdbcClient jdbc;

    IncidentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void append(String providerCode, PaymentIncident.Kind kind, @Nullable PaymentId paymentId,
            @Nullable String merchantTradeNo, String detail, @Nullable String payload, @Nullable String remoteAddress,
            Instant now) {
        jdbc.sql("""
                INSERT INTO payment_incident (provider_code, kind, payment_id, merchant_trade_no, detail, payload,
                    remote_address, occurred_at)
                VALUES (:provider, :kind, :payment, :tradeNo, :detail, :payload, :remote, :now)
                """)
                .param("provider", cut(providerCode, 32)).param("kind", kind.name())
                .param("payment", paymentId == null ? null : paymentId.value())
                .param("tradeNo", merchantTradeNo == null ? null : cut(merchantTradeNo, 64))
                .param("detail", cut(detail, 500)).param("payload", payload == null ? null : cut(payload, 2000))
                .param("remote", remoteAddress == null ? null : cut(remoteAddress, 64)).param("now", SqlTime.utc(now))
                .update();
    }

    public Page<PaymentIncident> find(PaymentIncident.@Nullable Kind kind, PageQuery page) {
        String where = kind == null ? "" : " WHERE kind = :kind";
        var count = jdbc.sql("SELECT COUNT(*) FROM payment_incident" + where);
        var select = jdbc.sql("SELECT * FROM payment_incident" + where
                + " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset");
        if (kind != null) {
            count = count.param("kind", kind.name());
            select = select.param("kind", kind.name());
        }
        long total = count.query(Long.class).single();
        List<PaymentIncident> items = select.param("limit", page.size()).param("offset", page.offset())
                .query(IncidentRepository::incident).list();
        return Page.of(items, page, total);
    }

    public List<PaymentIncident> ofPayment(PaymentId paymentId, int limit) {
        return jdbc.sql("SELECT * FROM payment_incident WHERE payment_id = :payment ORDER BY id DESC LIMIT :limit")
                .param("payment", paymentId.value()).param("limit", limit)
                .query(IncidentRepository::incident).list();
    }

    /** Keeps stored text within its column, without splitting a surrogate pair. */
    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }

    static PaymentIncident incident(ResultSet rs, int row) throws SQLException {
        long payment = rs.getLong("payment_id");
        PaymentId paymentId = rs.wasNull() ? null : new PaymentId(payment);
        return new PaymentIncident(rs.getLong("id"), rs.getString("provider_code"),
                PaymentIncident.Kind.valueOf(rs.getString("kind")), paymentId,
                rs.getString("merchant_trade_no"), rs.getString("detail"), rs.getString("payload"),
                rs.getString("remote_address"), SqlTime.requiredInstant(rs, "occurred_at"));
    }
}
