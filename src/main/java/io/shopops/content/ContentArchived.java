package io.shopops.content;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A content item was archived: nothing of it runs any more.
 *
 * @param unpublishedVersion the version that was live until now, if one was
 */
public record ContentArchived(ContentId contentId, @Nullable Integer unpublishedVersion, Instant archivedAt) {
}
