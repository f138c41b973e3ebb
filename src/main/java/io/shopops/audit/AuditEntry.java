package io.shopops.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One recorded action. {@code before} and {@code after} are JSON snapshots of the changed thing. */
public record AuditEntry(
        long id,
        Instant occurredAt,
        @Nullable Long actorId,
        String actorName,
        String action,
        String entityType,
        @Nullable String entityId,
        @Nullable String summary,
        @Nullable String before,
        @Nullable String after,
        @Nullable String clientIp) {
}
