package io.shopops.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.shopops.identity.ApiKeyView;
import io.shopops.shared.persistence.SqlTime;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class ApiKeyRepository {

    private final JdbcClient jdbc;

    ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record StoredKey(ApiKeyView view, String hash) {
    }

    public long insert(long staffId, String name, String prefix, String hash, Instant createdAt,
            @Nullable Instant expiresAt) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO api_key (staff_id, name, key_prefix, key_hash, created_at, expires_at)
                VALUES (:staffId, :name, :prefix, :hash, :createdAt, :expiresAt)
                """)
                .param("staffId", staffId).param("name", name).param("prefix", prefix).param("hash", hash)
                .param("createdAt", SqlTime.utc(createdAt)).param("expiresAt", SqlTime.utc(expiresAt))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<StoredKey> findByPrefix(String prefix) {
        return jdbc.sql("SELECT * FROM api_key WHERE key_prefix = :prefix")
                .param("prefix", prefix)
                .query((rs, row) -> new StoredKey(view(rs), rs.getString("key_hash")))
                .optional();
    }

    public Optional<ApiKeyView> find(long id) {
        return jdbc.sql("SELECT * FROM api_key WHERE id = :id").param("id", id)
                .query((rs, row) -> view(rs)).optional();
    }

    public List<ApiKeyView> findByStaff(long staffId) {
        return jdbc.sql("SELECT * FROM api_key WHERE staff_id = :staffId ORDER BY created_at DESC, id DESC")
                .param("staffId", staffId).query((rs, row) -> view(rs)).list();
    }

    public void revoke(long id, Instant now) {
        jdbc.sql("UPDATE api_key SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
                .param("now", SqlTime.utc(now)).param("id", id).update();
    }

    public void revokeAllOf(long staffId, Instant now) {
        jdbc.sql("UPDATE api_key SET revoked_at = :now WHERE staff_id = :staffId AND revoked_at IS NULL")
                .param("now", SqlTime.utc(now)).param("staffId", staffId).update();
    }

    /** Records use at most once a minute per key, so authenticating a request rarely writes. */
    public void markUsed(long id, Instant now) {
        jdbc.sql("""
                UPDATE api_key SET last_used_at = :now
                WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :staleBefore)
                """)
                .param("now", SqlTime.utc(now)).param("id", id)
                .param("staleBefore", SqlTime.utc(now.minusSeconds(60))).update();
    }

    private static ApiKeyView view(ResultSet rs) throws SQLException {
        return new ApiKeyView(rs.getLong("id"), rs.getLong("staff_id"), rs.getString("name"),
                rs.getString("key_prefix"), SqlTime.requiredInstant(rs, "created_at"),
                SqlTime.instant(rs, "expires_at"), SqlTime.instant(rs, "last_used_at"),
                SqlTime.instant(rs, "revoked_at"));
    }
}
