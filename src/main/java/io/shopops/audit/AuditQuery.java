package io.shopops.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** Filters for reading the audit log; every field is optional. */
public record AuditQuery(
        @Nullable String actor,
        @Nullable String action,
        @Nullable String entityType,
        @Nullable String entityId,
        @Nullable Instant from,
        @Nullable Instant to) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null);
    }
}
