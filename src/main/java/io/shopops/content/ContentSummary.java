package io.shopops.content;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** A content item in a list: its newest version's title, channels and window, and whether a version is live. */
public record ContentSummary(ContentId id, ContentType type, ContentStatus status, String title,
        Set<ContentChannel> channels, Instant publishFrom, @Nullable Instant publishUntil, int currentVersion,
        @Nullable Integer publishedVersion, @Nullable String campaignCode, Instant updatedAt, String updatedBy,
        long version) {

    public ContentSummary {
        channels = Set.copyOf(channels);
    }
}
