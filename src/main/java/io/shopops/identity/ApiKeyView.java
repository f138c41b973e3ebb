package io.shopops.identity;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** An API key as listed: its public prefix only; the secret exists only in the holder's hands. */
public record ApiKeyView(long id, long staffId, String name, String prefix, Instant createdAt,
        @Nullable Instant expiresAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

    public boolean isActiveAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
