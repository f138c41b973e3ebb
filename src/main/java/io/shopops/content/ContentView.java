package io.shopops.content;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A content item with its newest version, the version live on the storefront (when there is one), the history of
 * its versions (newest first) and its timeline (oldest first).
 *
 * @param currentVersion   the number of the newest version, the one being edited, reviewed or published
 * @param publishedVersion the number of the version the storefront shows, while the item is not archived
 * @param published        that version; the same as {@code current} when the newest version is the live one
 * @param versions         the newest {@value ContentLibrary#HISTORY_LIMIT} versions, without their texts
 * @param version          the item's version for optimistic locking: every change sends back the one it read
 */
public record ContentView(ContentId id, ContentType type, ContentStatus status, int currentVersion,
        @Nullable Integer publishedVersion, ContentVersionView current, @Nullable ContentVersionView published,
        Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, List<VersionSummary> versions,
        List<Step> timeline, long version) {

    public ContentView {
        versions = List.copyOf(versions);
        timeline = List.copyOf(timeline);
    }

    /** Whether a revision of a live version is being prepared (a draft or a version in review). */
    @JsonProperty("pendingRevision")
    public boolean hasPendingRevision() {
        return publishedVersion != null && publishedVersion != currentVersion;
    }

    /** One version in the item's history. */
    public record VersionSummary(int number, String title, List<String> changedFields,
            @Nullable Integer restoredFrom, String author, Instant createdAt) {

        public VersionSummary {
            changedFields = List.copyOf(changedFields);
        }
    }

    /**
     * One step of the item's timeline.
     *
     * @param type    CREATED, EDITED, RESTORED, SUBMITTED, APPROVED, REJECTED or ARCHIVED
     * @param version the version the step concerns
     * @param note    the reviewer's note or the reason of a rejection
     */
    public record Step(Instant occurredAt, String type, int version, String actor, @Nullable String note) {
    }
}
