package io.shopops.content;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** A version of a content item was approved and is the one the storefront shows (from {@code publishFrom} on). */
public record ContentPublished(ContentId contentId, ContentType type, int version, Set<ContentChannel> channels,
        Instant publishFrom, @Nullable Instant publishUntil, @Nullable String campaignCode, Instant publishedAt) {

    public ContentPublished {
        channels = Set.copyOf(channels);
    }
}
