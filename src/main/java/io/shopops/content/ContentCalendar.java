package io.shopops.content;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What runs when, day by day in the shop's zone, from {@code from} to {@code to} (both included). An item shows
 * with its published version's window while it has one (what the storefront runs), otherwise with its newest
 * version's (what is planned); archived items are left out.
 *
 * @param truncated whether more items ran in the days than the calendar shows ({@value ContentSchedule#MAX_CALENDAR_ITEMS})
 */
public record ContentCalendar(LocalDate from, LocalDate to, String zone, List<Day> days, boolean truncated) {

    public ContentCalendar {
        days = List.copyOf(days);
    }

    /** One day with the items that run (or are planned to run) during some of it, earliest start first. */
    public record Day(LocalDate date, List<Item> items) {

        public Day {
            items = List.copyOf(items);
        }
    }

    /**
     * An item on a day.
     *
     * @param version     the version whose window is shown
     * @param live        whether that version is the published one (otherwise it waits for its review)
     * @param pendingRevision whether a revision of the live version is being prepared
     * @param startsToday whether the window starts on this day
     * @param endsToday   whether the window ends during this day
     */
    public record Item(ContentId id, ContentType type, ContentStatus status, String title,
            Set<ContentChannel> channels, Instant publishFrom, @Nullable Instant publishUntil, int version,
            boolean live, boolean pendingRevision, boolean startsToday, boolean endsToday) {

        public Item {
            channels = Set.copyOf(channels);
        }
    }
}
