package io.shopops.content;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shopops.content.internal.ContentRecord;
import io.shopops.content.internal.ContentRepository;
import io.shopops.content.internal.VersionRecord;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.ShopProperties;
import io.shopops.shared.Violations;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What runs when: the published content live on a channel at a moment (the storefront asks for now), and the
 * calendar of what runs or is planned to run over some days, for the console.
 */
@Service
public class ContentSchedule {

    /** The longest calendar: six weeks and a bit, enough for a month's grid. */
    public static final int MAX_CALENDAR_DAYS = 62;
    public static final int MAX_CALENDAR_ITEMS = 500;

    private final ContentRepository items;
    private final ContentSupport support;
    private final ShopProperties shop;

    ContentSchedule(ContentRepository items, ContentSupport support, ShopProperties shop) {
        this.items = items;
        this.support = support;
        this.shop = shop;
    }

    /**
     * The published content that runs on the channel at {@code at} (now when absent): the live version of each item
     * whose window contains it (from its start, included, to its end, excluded), the latest start first.
     */
    @Transactional(readOnly = true)
    public Page<PublishedContent> live(@Nullable ContentChannel channel, @Nullable ContentType type,
            @Nullable Instant at, PageQuery page) {
        Violations v = new Violations();
        v.check(channel != null, "channel", "is required: PC, MOBILE or MINI_PROGRAM");
        if (at != null) {
            ContentRules.inRange(v, "at", at);
        }
        v.throwIfAny();
        Instant when = at == null ? support.now() : at.truncatedTo(ChronoUnit.MICROS);
        return items.live(channel, type, when, page).map(ContentSupport::published);
    }

    /**
     * The items that run (or are planned to run) on each day from {@code from} to {@code to}, both included, in
     * the shop's zone: at most {@value #MAX_CALENDAR_DAYS} days and {@value #MAX_CALENDAR_ITEMS} items.
     */
    @Transactional(readOnly = true)
    public ContentCalendar calendar(@Nullable LocalDate from, @Nullable LocalDate to,
            @Nullable ContentChannel channel, @Nullable ContentType type) {
        Violations v = new Violations();
        v.check(from != null, "from", "is required");
        v.check(to != null, "to", "is required");
        v.check(from == null || (from.getYear() >= 2000 && from.getYear() <= 2999), "from",
                "must be between the years 2000 and 2999");
        v.check(to == null || (to.getYear() >= 2000 && to.getYear() <= 2999), "to",
                "must be between the years 2000 and 2999");
        if (from != null && to != null) {
            v.check(!to.isBefore(from), "to", "must not be before from");
            v.check(ChronoUnit.DAYS.between(from, to) < MAX_CALENDAR_DAYS, "to",
                    "must be at most " + MAX_CALENDAR_DAYS + " days after from");
        }
        v.throwIfAny();
        ZoneId zone = shop.zone();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<ContentRepository.Listed> found = items.overlapping(start, end, channel, type, MAX_CALENDAR_ITEMS + 1);
        boolean truncated = found.size() > MAX_CALENDAR_ITEMS;
        Map<LocalDate, List<ContentCalendar.Item>> days = new LinkedHashMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.put(day, new ArrayList<>());
        }
        for (ContentRepository.Listed listed : truncated ? found.subList(0, MAX_CALENDAR_ITEMS) : found) {
            ContentRecord item = listed.item();
            VersionRecord version = listed.version();
            LocalDate first = LocalDate.ofInstant(version.publishFrom(), zone);
            // the window ends before its end instant: a window ending at midnight ends on the day before
            LocalDate last = version.publishUntil() == null ? null
                    : LocalDate.ofInstant(version.publishUntil().minusNanos(1), zone);
            LocalDate day = first.isBefore(from) ? from : first;
            LocalDate stop = last == null || last.isAfter(to) ? to : last;
            for (; !day.isAfter(stop); day = day.plusDays(1)) {
                days.get(day).add(new ContentCalendar.Item(item.id(), item.type(), item.status(), version.title(),
                        version.channels(), version.publishFrom(), version.publishUntil(), version.number(),
                        item.publishedVersion() != null,
                        item.publishedVersion() != null && item.publishedVersion() != item.currentVersion(),
                        day.equals(first), day.equals(last)));
            }
        }
        return new ContentCalendar(from, to, zone.getId(),
                days.entrySet().stream().map(e -> new ContentCalendar.Day(e.getKey(), e.getValue())).toList(),
                truncated);
    }
}
