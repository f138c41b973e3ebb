package io.shopops.content;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.shopops.catalog.ProductId;
import io.shopops.content.internal.VersionRecord;
import io.shopops.shared.Violations;
import org.jspecify.annotations.Nullable;

/**
 * What a version of a content item must be, checked field by field (all reasons at once), and the version as it is
 * stored: titles, URLs, tags and codes trimmed, channels and tags without repeats, times to the microsecond. The
 * body is kept exactly as typed. Not part of the module's API.
 */
final class ContentRules {

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 20_000;
    static final int MAX_IMAGES = 10;
    static final int MAX_TAGS = 20;
    static final int MAX_TAG = 32;
    static final int MAX_NOTE = 500;
    static final Instant EARLIEST = LocalDate.of(2000, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    static final Instant LATEST = LocalDate.of(3000, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);

    /** The fields every version lists, in the order versions are compared. */
    static final List<String> FIELDS = List.of("title", "body", "imageUrls", "linkUrl", "productId", "channels",
            "tags", "publishFrom", "publishUntil", "campaignCode");

    private ContentRules() {
    }

    /** A version's fields as they are stored. */
    record Checked(String title, @Nullable String body, List<String> imageUrls, @Nullable String linkUrl,
            @Nullable ProductId productId, Set<ContentChannel> channels, List<String> tags, Instant publishFrom,
            @Nullable Instant publishUntil, @Nullable String campaignCode) {

        static Checked of(VersionRecord v) {
            return new Checked(v.title(), v.body(), v.imageUrls(), v.linkUrl(), v.productId(), v.channels(), v.tags(),
                    v.publishFrom(), v.publishUntil(), v.campaignCode());
        }

        /** The fields that differ from the previous version; for a first version, the fields it sets. */
        List<String> changedSince(@Nullable Checked previous) {
            List<String> changed = new ArrayList<>();
            for (String field : FIELDS) {
                Object mine = value(field);
                boolean set = mine != null && !(mine instanceof java.util.Collection<?> c && c.isEmpty());
                if (previous == null ? set : !Objects.equals(mine, previous.value(field))) {
                    changed.add(field);
                }
            }
            return changed;
        }

        private @Nullable Object value(String field) {
            return switch (field) {
                case "title" -> title;
                case "body" -> body;
                case "imageUrls" -> imageUrls;
                case "linkUrl" -> linkUrl;
                case "productId" -> productId;
                case "channels" -> channels;
                case "tags" -> tags;
                case "publishFrom" -> publishFrom;
                case "publishUntil" -> publishUntil;
                case "campaignCode" -> campaignCode;
                default -> throw new IllegalArgumentException(field);
            };
        }
    }

    /**
     * Checks a version's fields for an item of the type (null when the type itself is missing: then it is named
     * too). Adds every reason to {@code v}; the caller throws.
     */
    static @Nullable Checked check(@Nullable ContentType type, ContentFields f, Violations v) {
        v.text("title", f.title(), true, MAX_TITLE);
        v.multilineText("body", f.body(), type != null && type.needsBody(), MAX_BODY);

        List<String> images = f.imageUrls() == null ? List.of() : f.imageUrls();
        if (images.size() > MAX_IMAGES) {
            v.add("imageUrls", "must be at most " + MAX_IMAGES + " URLs");
        } else {
            for (int i = 0; i < images.size(); i++) {
                v.url("imageUrls[%d]".formatted(i), images.get(i), true);
            }
        }
        if (type != null && type.needsImage() && images.isEmpty()) {
            v.add("imageUrls", "a banner needs at least one image");
        }
        v.url("linkUrl", f.linkUrl(), false);

        if (f.productId() == null) {
            v.check(type == null || !type.needsProduct(), "productId", "is required for a product story");
        } else {
            v.check(f.productId().value() > 0, "productId", "must be a positive id");
        }

        List<ContentChannel> channels = f.channels() == null ? List.of() : f.channels();
        if (channels.isEmpty()) {
            v.add("channels", "must name at least one of PC, MOBILE, MINI_PROGRAM");
        } else if (channels.size() > 10) {
            v.add("channels", "must be at most 10 entries");
        } else {
            for (int i = 0; i < channels.size(); i++) {
                v.check(channels.get(i) != null, "channels[%d]".formatted(i), "is required");
            }
        }

        List<String> tags = f.tags() == null ? List.of() : f.tags();
        if (tags.size() > MAX_TAGS) {
            v.add("tags", "must be at most " + MAX_TAGS + " tags");
        } else {
            for (int i = 0; i < tags.size(); i++) {
                v.text("tags[%d]".formatted(i), tags.get(i), true, MAX_TAG);
            }
        }

        Instant from = f.publishFrom();
        Instant until = f.publishUntil();
        if (from == null) {
            v.add("publishFrom", "is required");
        } else {
            inRange(v, "publishFrom", from);
        }
        if (until != null) {
            inRange(v, "publishUntil", until);
            v.check(from == null || until.isAfter(from), "publishUntil", "must be after publishFrom");
        }
        if (f.campaignCode() != null && !f.campaignCode().isBlank()) {
            v.code("campaignCode", f.campaignCode().trim());
        }
        if (type == null || !v.isEmpty()) {
            return null;
        }
        Set<ContentChannel> channelSet = EnumSet.copyOf(channels);
        Set<String> tagSet = new LinkedHashSet<>();
        tags.forEach(t -> tagSet.add(t.trim()));
        return new Checked(f.title().trim(), f.body() == null || f.body().isBlank() ? null : f.body(),
                images.stream().map(String::trim).toList(), blankToNull(f.linkUrl()), f.productId(), channelSet,
                List.copyOf(tagSet), Objects.requireNonNull(from).truncatedTo(ChronoUnit.MICROS),
                until == null ? null : until.truncatedTo(ChronoUnit.MICROS), blankToNull(f.campaignCode()));
    }

    /** A time of a schedule or a query: from the year 2000 to the year 2999. */
    static void inRange(Violations v, String field, Instant at) {
        v.check(!at.isBefore(EARLIEST) && at.isBefore(LATEST), field, "must be between the years 2000 and 2999");
    }

    static void note(Violations v, String field, @Nullable String note, boolean required) {
        v.multilineText(field, note, required, MAX_NOTE);
    }

    static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
