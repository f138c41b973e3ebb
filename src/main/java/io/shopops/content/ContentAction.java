package io.shopops.content;

import java.util.EnumSet;
import java.util.Set;

/**
 * The steps of the review workflow, the statuses each may start from and the status it leads to. Anything else is
 * refused (422 {@code illegal-transition}): a version in review is not edited (the reviewer approves what was
 * submitted; reject it first), only a draft is submitted, only a version in review is approved or rejected.
 * Archiving takes an item off the storefront from any status, so that content can always be pulled at once.
 */
public enum ContentAction {
    /** A new version (an edit, or an older version restored): back to DRAFT. */
    EDIT(ContentStatus.DRAFT, EnumSet.of(ContentStatus.DRAFT, ContentStatus.PUBLISHED, ContentStatus.ARCHIVED)),
    SUBMIT(ContentStatus.IN_REVIEW, EnumSet.of(ContentStatus.DRAFT)),
    APPROVE(ContentStatus.PUBLISHED, EnumSet.of(ContentStatus.IN_REVIEW)),
    REJECT(ContentStatus.DRAFT, EnumSet.of(ContentStatus.IN_REVIEW)),
    ARCHIVE(ContentStatus.ARCHIVED, EnumSet.of(ContentStatus.DRAFT, ContentStatus.IN_REVIEW, ContentStatus.PUBLISHED));

    private final ContentStatus to;
    private final Set<ContentStatus> from;

    ContentAction(ContentStatus to, Set<ContentStatus> from) {
        this.to = to;
        this.from = from;
    }

    public ContentStatus to() {
        return to;
    }

    public Set<ContentStatus> from() {
        return EnumSet.copyOf(from);
    }
}
