package io.shopops.content;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.shopops.audit.AuditLog;
import io.shopops.content.internal.ContentFilter;
import io.shopops.content.internal.ContentRecord;
import io.shopops.content.internal.ContentRepository;
import io.shopops.content.internal.VersionRecord;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.Violations;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The content library as the marketing team works it (內容管理): write content, revise it (every edit a new
 * version; an older one can be restored as a new draft), submit it for review, and approve, reject or archive it.
 * The approver of a version is never its author (four eyes: 422 {@code four-eyes}); a published item being revised
 * stays live with its published version until the revision is approved. Every change takes the item's version the
 * client read (409 when stale) and is in the audit log.
 */
@Service
public class ContentLibrary {

    /** How many versions and timeline steps an item's view lists (the newest). */
    public static final int HISTORY_LIMIT = 200;
    private static final String ENTITY = "content";

    private final ContentRepository items;
    private final ContentSupport support;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    ContentLibrary(ContentRepository items, ContentSupport support, AuditLog audit, ApplicationEventPublisher events) {
        this.items = items;
        this.support = support;
        this.audit = audit;
        this.events = events;
    }

    // --- reading ----------------------------------------------------------------------------------------------

    /** Items matching the filters on their newest version, last changed first. */
    @Transactional(readOnly = true)
    public Page<ContentSummary> find(ContentQuery query, PageQuery page) {
        Violations v = new Violations();
        v.text("q", query.q(), false, 100);
        v.throwIfAny();
        String text = ContentRules.blankToNull(query.q());
        return items.find(new ContentFilter(query.status(), query.type(), query.channel(), text), page)
                .map(ContentSupport::summary);
    }

    @Transactional(readOnly = true)
    public ContentView item(ContentId id) {
        return support.view(support.item(id));
    }

    /** The item's versions with every field, newest first. */
    @Transactional(readOnly = true)
    public Page<ContentVersionView> versions(ContentId id, PageQuery page) {
        support.item(id);
        return items.versions(id, page).map(ContentSupport::versionView);
    }

    @Transactional(readOnly = true)
    public ContentVersionView version(ContentId id, int number) {
        support.item(id);
        return ContentSupport.versionView(support.version(id, number));
    }

    /** How many items are in each status (every status present, zero where none). */
    @Transactional(readOnly = true)
    public Map<ContentStatus, Long> countByStatus() {
        Map<ContentStatus, Long> counts = new EnumMap<>(ContentStatus.class);
        for (ContentStatus status : ContentStatus.values()) {
            counts.put(status, 0L);
        }
        counts.putAll(items.countByStatus());
        return counts;
    }

    // --- writing ----------------------------------------------------------------------------------------------

    /** A new item of the type with its first version, in DRAFT. */
    @Transactional
    public ContentView create(@Nullable ContentType type, ContentFields fields) {
        Violations v = new Violations();
        v.check(type != null, "type", "is required: COPY, BANNER, PRODUCT_STORY or ANNOUNCEMENT");
        ContentRules.Checked checked = checked(type, fields, v);
        Instant now = support.now();
        String actor = ContentSupport.actor();
        ContentId id = items.insertItem(type, now, actor);
        items.insertVersion(record(id, 1, checked, checked.changedSince(null), null, now));
        items.event(id, now, "CREATED", 1, actor, null);
        ContentRecord created = support.item(id);
        audit.record("CONTENT_CREATED", ENTITY, id, "%s v1: %s".formatted(type, checked.title()), null,
                ContentSupport.summary(created, support.version(id, 1)));
        return support.view(created);
    }

    /**
     * A new version with the fields, back in DRAFT (a version in review is not edited: 422). An edit that changes
     * nothing is refused (422 {@code unchanged}): every version differs from the one before.
     */
    @Transactional
    public ContentView update(ContentId id, ContentFields fields, long expectedVersion) {
        ContentRecord before = support.item(id);
        ContentRules.Checked checked = checked(before.type(), fields, new Violations());
        return newVersion(before, checked, null, expectedVersion, "EDITED", "CONTENT_UPDATED");
    }

    /** Copies an older version into a new one, back in DRAFT; the copied version stays as it was. */
    @Transactional
    public ContentView restore(ContentId id, int number, long expectedVersion) {
        ContentRecord before = support.item(id);
        VersionRecord old = support.version(id, number);
        return newVersion(before, ContentRules.Checked.of(old), number, expectedVersion, "RESTORED",
                "CONTENT_RESTORED");
    }

    private ContentView newVersion(ContentRecord before, ContentRules.Checked checked, @Nullable Integer restoredFrom,
            long expectedVersion, String step, String action) {
        VersionRecord previous = support.version(before.id(), before.currentVersion());
        List<String> changed = checked.changedSince(ContentRules.Checked.of(previous));
        if (before.version() == expectedVersion && before.status().allows(ContentAction.EDIT) && changed.isEmpty()) {
            throw new BusinessRuleException("unchanged",
                    "Nothing differs from version %d of content item %s".formatted(previous.number(), before.id()));
        }
        Instant now = support.now();
        support.step(before, expectedVersion, ContentAction.EDIT, now);
        int number = before.currentVersion() + 1;
        items.insertVersion(record(before.id(), number, checked, changed, restoredFrom, now));
        items.event(before.id(), now, step, number, ContentSupport.actor(),
                restoredFrom == null ? null : "v" + restoredFrom);
        return audited(action, before, "v%d%s: %s".formatted(number,
                restoredFrom == null ? "" : " (from v" + restoredFrom + ")", String.join(", ", changed)));
    }

    /** Sends the newest version for review (DRAFT → IN_REVIEW), with an optional note for the reviewer. */
    @Transactional
    public ContentView submit(ContentId id, long expectedVersion, @Nullable String note) {
        Violations v = new Violations();
        ContentRules.note(v, "note", note, false);
        v.throwIfAny();
        ContentRecord before = support.item(id);
        requireNotOver(before, support.now());
        return decided(before, expectedVersion, ContentAction.SUBMIT, "SUBMITTED", note, "CONTENT_SUBMITTED");
    }

    /**
     * Publishes the version in review (IN_REVIEW → PUBLISHED): from its window's start the storefront shows it
     * instead of the version live so far. Refused (422 {@code four-eyes}) to the version's own author, and (422
     * {@code schedule-over}) when its window has already ended.
     */
    @Transactional
    public ContentView approve(ContentId id, long expectedVersion, @Nullable String note) {
        Violations v = new Violations();
        ContentRules.note(v, "note", note, false);
        v.throwIfAny();
        ContentRecord before = support.item(id);
        VersionRecord version = support.version(id, before.currentVersion());
        if (before.version() == expectedVersion && before.status().allows(ContentAction.APPROVE)) {
            if (version.createdBy().equals(ContentSupport.actor())) {
                throw new BusinessRuleException("four-eyes", "version",
                        "You wrote version %d of content item %s: another member must approve it"
                                .formatted(version.number(), id));
            }
            requireNotOver(before, support.now());
        }
        ContentView after = decided(before, expectedVersion, ContentAction.APPROVE, "APPROVED", note,
                "CONTENT_APPROVED");
        events.publishEvent(new ContentPublished(id, before.type(), version.number(), version.channels(),
                version.publishFrom(), version.publishUntil(), version.campaignCode(), after.updatedAt()));
        return after;
    }

    /** Sends the version in review back to its author (IN_REVIEW → DRAFT) with the reason; nothing goes live. */
    @Transactional
    public ContentView reject(ContentId id, long expectedVersion, @Nullable String reason) {
        Violations v = new Violations();
        ContentRules.note(v, "reason", reason, true);
        v.throwIfAny();
        return decided(support.item(id), expectedVersion, ContentAction.REJECT, "REJECTED", reason,
                "CONTENT_REJECTED");
    }

    /** Takes the item off the storefront (any status but ARCHIVED → ARCHIVED); editing it later starts a draft. */
    @Transactional
    public ContentView archive(ContentId id, long expectedVersion, @Nullable String note) {
        Violations v = new Violations();
        ContentRules.note(v, "note", note, false);
        v.throwIfAny();
        ContentRecord before = support.item(id);
        ContentView after = decided(before, expectedVersion, ContentAction.ARCHIVE, "ARCHIVED", note,
                "CONTENT_ARCHIVED");
        events.publishEvent(new ContentArchived(id, before.publishedVersion(), after.updatedAt()));
        return after;
    }

    private ContentView decided(ContentRecord before, long expectedVersion, ContentAction action, String step,
            @Nullable String note, String auditAction) {
        Instant now = support.now();
        support.step(before, expectedVersion, action, now);
        String why = ContentRules.blankToNull(note);
        items.event(before.id(), now, step, before.currentVersion(), ContentSupport.actor(), why);
        return audited(auditAction, before, "v%d%s".formatted(before.currentVersion(), why == null ? "" : ": " + why));
    }

    /** A version whose window has ended would never run: it is neither submitted nor approved. */
    private void requireNotOver(ContentRecord item, Instant now) {
        VersionRecord version = support.version(item.id(), item.currentVersion());
        if (version.publishUntil() != null && !version.publishUntil().isAfter(now)) {
            throw new BusinessRuleException("schedule-over", "publishUntil",
                    "Version %d of content item %s ran until %s, which has passed"
                            .formatted(version.number(), item.id(), version.publishUntil()));
        }
    }

    private ContentRules.Checked checked(@Nullable ContentType type, ContentFields fields, Violations v) {
        ContentRules.Checked checked = ContentRules.check(type, fields, v);
        support.checkProduct(fields, v);
        v.throwIfAny();
        return Objects.requireNonNull(checked);
    }

    private static VersionRecord record(ContentId id, int number, ContentRules.Checked c, List<String> changed,
            @Nullable Integer restoredFrom, Instant at) {
        return new VersionRecord(id, number, c.title(), c.body(), c.imageUrls(), c.linkUrl(), c.productId(),
                c.channels(), c.tags(), c.publishFrom(), c.publishUntil(), c.campaignCode(), changed, restoredFrom,
                at, ContentSupport.actor());
    }

    /** Records the change with the item's state before and after (its newest version's headline, not the texts). */
    private ContentView audited(String action, ContentRecord before, String summary) {
        ContentRecord after = support.item(before.id());
        audit.record(action, ENTITY, before.id(), summary,
                ContentSupport.summary(before, support.version(before.id(), before.currentVersion())),
                ContentSupport.summary(after, support.version(after.id(), after.currentVersion())));
        return support.view(after);
    }
}
