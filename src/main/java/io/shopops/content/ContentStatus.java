package io.shopops.content;

/**
 * Where an item's newest version is in the review workflow. A DRAFT (or a version IN_REVIEW) may be the revision of
 * a version that is still live: the item's published version stays on the storefront until the revision is
 * approved. PUBLISHED means the newest version is the live one; ARCHIVED means nothing of the item is live.
 * {@link ContentAction} says which steps each status allows.
 */
public enum ContentStatus {
    DRAFT, IN_REVIEW, PUBLISHED, ARCHIVED;

    public boolean allows(ContentAction action) {
        return action.from().contains(this);
    }
}
