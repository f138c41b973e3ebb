package io.shopops.content;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.shopops.catalog.ProductId;
import org.jspecify.annotations.Nullable;

/**
 * One version of a content item as written, never changed afterwards. Versions list every field the same way, so
 * that two of them compare field by field.
 *
 * @param number        1 for the first version, one more for each edit or restore
 * @param changedFields the fields that differ from the previous version (for the first one, the fields it sets)
 * @param restoredFrom  the older version this one copies, when it was made by a restore
 * @param author        who wrote the version (the approver must be someone else)
 */
public record ContentVersionView(int number, String title, @Nullable String body, List<String> imageUrls,
        @Nullable String linkUrl, @Nullable ProductId productId, Set<ContentChannel> channels, List<String> tags,
        Instant publishFrom, @Nullable Instant publishUntil, @Nullable String campaignCode,
        List<String> changedFields, @Nullable Integer restoredFrom, String author, Instant createdAt) {

    public ContentVersionView {
        imageUrls = List.copyOf(imageUrls);
        channels = Set.copyOf(channels);
        tags = List.copyOf(tags);
        changedFields = List.copyOf(changedFields);
    }

    /** Whether the version's window contains the instant: from its start (included) to its end (excluded). */
    public boolean runsAt(Instant at) {
        return !at.isBefore(publishFrom) && (publishUntil == null || at.isBefore(publishUntil));
    }
}
