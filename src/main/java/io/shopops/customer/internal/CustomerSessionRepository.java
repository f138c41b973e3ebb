package io.shopops.customer.internal;

import java.time.Instant;
import java.util.Optional;

import io.shopops.customer.CustomerId;
import io.shopops.shared.persistence.SqlTime;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Customers' sign-in sessions: a token's prefix and hash, when it was last used, when it expires. */
@Repository
public class CustomerSessionRepository {

    private final JdbcClient jdbc;

    CustomerSessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record StoredSession(long id, CustomerId customerId, String hash, Instant lastUsedAt, Instant expiresAt,
            @Nullable Instant revokedAt) {

        public boolean isActiveAt(Instant now) {
            return revokedAt == null && expiresAt.isAfter(now);
        }

        @Override
        public String toString() {
            return "StoredSession[" + id + ", customer " + customerId + "]";
        }
    }

    public long insert(CustomerId customer, SessionTokens.Token token, Instant now, Instant expiresAt) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO customer_session (customer_id, token_prefix, token_hash, created_at, last_used_at, expires_at)
                VALUES (:customer, :prefix, :hash, :now, :now, :expiresAt)
                """)
                .param("customer", customer.value()).param("prefix", token.prefix()).param("hash", token.hash())
                .param("now", SqlTime.utc(now)).param("expiresAt", SqlTime.utc(expiresAt))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<StoredSession> findByPrefix(String prefix) {
        return jdbc.sql("SELECT * FROM customer_session WHERE token_prefix = :prefix")
                .param("prefix", prefix)
                .query((rs, row) -> new StoredSession(rs.getLong("id"), new CustomerId(rs.getLong("customer_id")),
                        rs.getString("token_hash"), SqlTime.requiredInstant(rs, "last_used_at"),
                        SqlTime.requiredInstant(rs, "expires_at"), SqlTime.instant(rs, "revoked_at")))
                .optional();
    }

    /**
     * Moves a live session's expiry forward from this use. Written at most once a minute per session, so that
     * authenticating a request rarely writes; the expiry slides with that granularity.
     */
    public void slide(long id, Instant now, Instant expiresAt) {
        jdbc.sql("""
                UPDATE customer_session SET last_used_at = :now, expires_at = :expiresAt
                WHERE id = :id AND revoked_at IS NULL AND expires_at > :now AND last_used_at < :staleBefore
                """)
                .param("now", SqlTime.utc(now)).param("expiresAt", SqlTime.utc(expiresAt)).param("id", id)
                .param("staleBefore", SqlTime.utc(now.minusSeconds(60))).update();
    }

    /** Ends a session; false when it had already ended. */
    public boolean revoke(long id, Instant now) {
        return jdbc.sql("UPDATE customer_session SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                .param("now", SqlTime.utc(now)).param("id", id).update() == 1;
    }

    /** Deletes sessions that ended (expired or revoked) before the cutoff; they can never be used again. */
    public int deleteEndedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM customer_session WHERE expires_at < :cutoff OR revoked_at < :cutoff")
                .param("cutoff", SqlTime.utc(cutoff)).update();
    }
}
