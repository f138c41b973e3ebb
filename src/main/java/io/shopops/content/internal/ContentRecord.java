package io.shopops.content.internal;

import java.time.Instant;

import io.shopops.content.ContentId;
import io.shopops.content.ContentStatus;
import io.shopops.content.ContentType;
import org.jspecify.annotations.Nullable;

/** A content item's row as stored. */
public record ContentRecord(ContentId id, ContentType type, ContentStatus status, int currentVersion,
        @Nullable Integer publishedVersion, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
        long version) {
}
