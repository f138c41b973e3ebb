package io.shopops.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.shopops.audit.AuditEntry;
import io.shopops.audit.AuditQuery;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.persistence.SqlTime;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AuditEntryRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditEntryRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void append(@Nullable Long actorId, String actorName, String action, String entityType,
            @Nullable String entityId, @Nullable String summary, @Nullable String before, @Nullable String after,
            @Nullable String clientIp) {
        jdbc.sql("""
                INSERT INTO audit_entry (occurred_at, actor_id, actor_name, action, entity_type, entity_id, summary,
                                         before_state, after_state, client_ip)
                VALUES (:at, :actorId, :actorName, :action, :entityType, :entityId, :summary, :before, :after, :ip)
                """)
                .param("at", SqlTime.utc(Instant.now(clock)))
                .param("actorId", actorId)
                .param("actorName", truncate(actorName, 64))
                .param("action", action)
                .param("entityType", entityType)
                .param("entityId", entityId == null ? null : truncate(entityId, 64))
                .param("summary", summary == null ? null : truncate(summary, 500))
                .param("before", before)
                .param("after", after)
                .param("ip", clientIp)
                .update();
    }

    public Page<AuditEntry> find(AuditQuery query, PageQuery page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (query.actor() != null && !query.actor().isBlank()) {
            where.append(" AND LOWER(actor_name) = :actor");
            params.put("actor", query.actor().trim().toLowerCase(java.util.Locale.ROOT));
        }
        if (query.action() != null && !query.action().isBlank()) {
            where.append(" AND action = :action");
            params.put("action", query.action().trim());
        }
        if (query.entityType() != null && !query.entityType().isBlank()) {
            where.append(" AND entity_type = :entityType");
            params.put("entityType", query.entityType().trim());
        }
        if (query.entityId() != null && !query.entityId().isBlank()) {
            where.append(" AND entity_id = :entityId");
            params.put("entityId", query.entityId().trim());
        }
        if (query.from() != null) {
            where.append(" AND occurred_at >= :from");
            params.put("from", SqlTime.utc(query.from()));
        }
        if (query.to() != null) {
            where.append(" AND occurred_at < :to");
            params.put("to", SqlTime.utc(query.to()));
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM audit_entry" + where).params(params)
                .query(Long.class).single();
        List<AuditEntry> items = jdbc.sql("SELECT * FROM audit_entry" + where
                        + " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(AuditEntryRepository::map)
                .list();
        return Page.of(new ArrayList<>(items), page, total);
    }

    public List<String> distinctActions() {
        return jdbc.sql("SELECT DISTINCT action FROM audit_entry ORDER BY action").query(String.class).list();
    }

    public List<String> distinctEntityTypes() {
        return jdbc.sql("SELECT DISTINCT entity_type FROM audit_entry ORDER BY entity_type").query(String.class).list();
    }

    private static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("id"), SqlTime.requiredInstant(rs, "occurred_at"),
                rs.getObject("actor_id", Long.class), rs.getString("actor_name"), rs.getString("action"),
                rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("summary"),
                rs.getString("before_state"), rs.getString("after_state"), rs.getString("client_ip"));
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
