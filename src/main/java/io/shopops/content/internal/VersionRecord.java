package io.shopops.content.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.shopops.catalog.ProductId;
import io.shopops.content.ContentChannel;
import io.shopops.content.ContentId;
import org.jspecify.annotations.Nullable;

/** A version's row with its channels, images and tags, as stored. */
public record VersionRecord(ContentId contentId, int number, String title, @Nullable String body,
        List<String> imageUrls, @Nullable String linkUrl, @Nullable ProductId productId, Set<ContentChannel> channels,
        List<String> tags, Instant publishFrom, @Nullable Instant publishUntil, @Nullable String campaignCode,
        List<String> changedFields, @Nullable Integer restoredFrom, Instant createdAt, String createdBy) {

    public VersionRecord {
        imageUrls = List.copyOf(imageUrls);
        channels = Set.copyOf(channels);
        tags = List.copyOf(tags);
        changedFields = List.copyOf(changedFields);
    }
}
