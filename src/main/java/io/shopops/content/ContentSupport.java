package io.shopops.content;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.shopops.catalog.Catalog;
import io.shopops.content.internal.ContentRecord;
import io.shopops.content.internal.ContentRepository;
import io.shopops.content.internal.VersionRecord;
import io.shopops.shared.Actors;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.ConflictException;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.Violations;

import org.springframework.stereotype.Component;

/**
 * What the content facades share: the time, the acting member, reading items and versions, the product check, the
 * workflow's guard and the views. Not part of the module's API.
 */
@Component
class ContentSupport {

    private final ContentRepository items;
    private final Catalog catalog;
    private final Clock clock;

    ContentSupport(ContentRepository items, Catalog catalog, Clock clock) {
        this.items = items;
        this.catalog = catalog;
        this.clock = clock;
    }

    Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    static String actor() {
        return Actors.current().username();
    }

    ContentRecord item(ContentId id) {
        return items.find(id).orElseThrow(() -> NotFoundException.of("Content item", id));
    }

    VersionRecord version(ContentId id, int number) {
        return items.version(id, number)
                .orElseThrow(() -> NotFoundException.of("Version " + number + " of content item", id));
    }

    /** Names {@code productId} when the product the fields refer to is not in the catalog. */
    void checkProduct(ContentFields fields, Violations v) {
        if (fields.productId() == null || fields.productId().value() <= 0) {
            return;
        }
        try {
            catalog.product(fields.productId());
        } catch (NotFoundException missing) {
            v.add("productId", "Product %s does not exist".formatted(fields.productId()));
        }
    }

    /**
     * Takes a workflow step from the version of the item the client read: 409 when the item changed since, 422
     * ({@code illegal-transition}) when its status does not allow the step. The check and the change are one
     * conditional UPDATE, so two members acting at once change the item once.
     */
    void step(ContentRecord item, long expectedVersion, ContentAction action, Instant at) {
        if (item.version() != expectedVersion) {
            throw stale(item);
        }
        if (!item.status().allows(action)) {
            throw illegal(item, action);
        }
        if (!items.step(item.id(), expectedVersion, action, at, actor())) {
            ContentRecord now = item(item.id());
            throw now.version() != expectedVersion ? stale(now) : illegal(now, action);
        }
    }

    static ConflictException stale(ContentRecord item) {
        return new ConflictException("version", "is stale: content item %s was changed by someone else (now at %d); reload it and try again"
                .formatted(item.id(), item.version()));
    }

    static BusinessRuleException illegal(ContentRecord item, ContentAction action) {
        return new BusinessRuleException("illegal-transition", "status",
                "Content item %s is %s: it cannot be %s".formatted(item.id(), item.status(), switch (action) {
                    case EDIT -> "edited while in review (reject it first)";
                    case SUBMIT -> "submitted for review";
                    case APPROVE -> "approved";
                    case REJECT -> "rejected";
                    case ARCHIVE -> "archived";
                }));
    }

    ContentView view(ContentRecord item) {
        ContentVersionView current = versionView(version(item.id(), item.currentVersion()));
        ContentVersionView published = item.publishedVersion() == null ? null
                : item.publishedVersion() == item.currentVersion() ? current
                : versionView(version(item.id(), item.publishedVersion()));
        return new ContentView(item.id(), item.type(), item.status(), item.currentVersion(), item.publishedVersion(),
                current, published, item.createdAt(), item.createdBy(), item.updatedAt(), item.updatedBy(),
                items.history(item.id(), ContentLibrary.HISTORY_LIMIT),
                items.steps(item.id(), ContentLibrary.HISTORY_LIMIT), item.version());
    }

    static ContentVersionView versionView(VersionRecord v) {
        return new ContentVersionView(v.number(), v.title(), v.body(), v.imageUrls(), v.linkUrl(), v.productId(),
                v.channels(), v.tags(), v.publishFrom(), v.publishUntil(), v.campaignCode(), v.changedFields(),
                v.restoredFrom(), v.createdBy(), v.createdAt());
    }

    static ContentSummary summary(ContentRepository.Listed listed) {
        return summary(listed.item(), listed.version());
    }

    static ContentSummary summary(ContentRecord i, VersionRecord v) {
        return new ContentSummary(i.id(), i.type(), i.status(), v.title(), v.channels(), v.publishFrom(),
                v.publishUntil(), i.currentVersion(), i.publishedVersion(), v.campaignCode(), i.updatedAt(),
                i.updatedBy(), i.version());
    }

    static PublishedContent published(ContentRepository.Listed listed) {
        ContentRecord i = listed.item();
        VersionRecord v = listed.version();
        return new PublishedContent(i.id(), i.type(), v.number(), v.title(), v.body(), v.imageUrls(), v.linkUrl(),
                v.productId(), v.channels(), v.tags(), v.campaignCode(), v.publishFrom(), v.publishUntil());
    }
}
