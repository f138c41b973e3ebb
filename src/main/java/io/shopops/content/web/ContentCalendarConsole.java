package io.shopops.content.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.shopops.content.ContentCalendar;
import io.shopops.content.ContentChannel;
import io.shopops.content.ContentId;
import io.shopops.content.ContentSchedule;
import io.shopops.content.ContentType;
import io.shopops.shared.DomainException;
import io.shopops.shared.ShopProperties;
import io.shopops.shared.web.ConsoleController;
import io.shopops.shared.web.FormValues;
import io.shopops.shared.web.RequiresPermission;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The content calendar (内容日历): a month as a grid of weeks (Monday first), or one week, each day with the items
 * that run on it as bars (an item's bar starts on its first day and ends on its last), filtered by channel and type;
 * below it the same items as a list with their windows and channels.
 */
@ConsoleController
@RequestMapping("/console/content/calendar")
class ContentCalendarConsole {

    private final ContentSchedule schedule;
    private final ContentTexts texts;
    private final ShopProperties shop;
    private final Clock clock;

    ContentCalendarConsole(ContentSchedule schedule, ContentTexts texts, ShopProperties shop, Clock clock) {
        this.schedule = schedule;
        this.texts = texts;
        this.shop = shop;
        this.clock = clock;
    }

    /** A week of the grid: seven days, each with the items running on it. */
    record Week(List<ContentCalendar.Day> days) {
    }

    @GetMapping
    @RequiresPermission("marketing:read")
    String calendar(@RequestParam(required = false) @Nullable String month,
            @RequestParam(required = false) @Nullable String week,
            @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @Nullable String type, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate today = LocalDate.ofInstant(clock.instant(), shop.zone());
        YearMonth shownMonth = YearMonth.from(today);
        if (month != null && !month.isBlank()) {
            try {
                shownMonth = YearMonth.parse(month.trim());
                if (shownMonth.getYear() < 2000 || shownMonth.getYear() > 2999) {
                    throw new DateTimeParseException("out of range", month, 0);
                }
            } catch (DateTimeParseException e) {
                errors.put("month", texts.message("content.form.month"));
                shownMonth = YearMonth.from(today);
            }
        }
        LocalDate weekDay = FormValues.date(week, "week", errors, texts.message("content.form.date"));
        if (weekDay != null && (weekDay.getYear() < 2000 || weekDay.getYear() > 2999)) {
            errors.put("week", texts.message("content.form.date"));
            weekDay = null;
        }
        ContentChannel onChannel = choice(ContentChannel.class, channel, "channel", errors);
        ContentType ofType = choice(ContentType.class, type, "type", errors);

        boolean weekView = weekDay != null;
        LocalDate from;
        LocalDate to;
        if (weekView) {
            from = weekDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            to = from.plusDays(6);
            shownMonth = YearMonth.from(from);
        } else {
            from = shownMonth.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            to = shownMonth.atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        }
        ContentCalendar calendar = new ContentCalendar(from, to, shop.zone().getId(), List.of(), false);
        try {
            calendar = schedule.calendar(from, to, onChannel, ofType);
        } catch (DomainException refused) {
            errors.putAll(texts.byField(refused, "form"));
        }
        List<Week> weeks = new ArrayList<>();
        for (int i = 0; i < calendar.days().size(); i += 7) {
            weeks.add(new Week(calendar.days().subList(i, Math.min(i + 7, calendar.days().size()))));
        }
        Set<ContentId> seen = new LinkedHashSet<>();
        List<ContentCalendar.Item> items = new ArrayList<>();
        calendar.days().forEach(d -> d.items().forEach(item -> {
            if (seen.add(item.id())) {
                items.add(item);
            }
        }));
        model.addAttribute("calendar", calendar);
        model.addAttribute("weeks", weeks);
        model.addAttribute("items", items);
        model.addAttribute("weekView", weekView);
        model.addAttribute("month", shownMonth);
        model.addAttribute("today", today);
        model.addAttribute("previous", weekView ? from.minusWeeks(1).toString() : shownMonth.minusMonths(1).toString());
        model.addAttribute("next", weekView ? from.plusWeeks(1).toString() : shownMonth.plusMonths(1).toString());
        model.addAttribute("weekOf", weekView ? from.toString() : (YearMonth.from(today).equals(shownMonth)
                ? today.toString() : shownMonth.atDay(1).toString()));
        model.addAttribute("channelFilter", channel == null ? "" : channel);
        model.addAttribute("typeFilter", type == null ? "" : type);
        model.addAttribute("channels", ContentChannel.values());
        model.addAttribute("types", ContentType.values());
        model.addAttribute("errors", errors);
        return "content/calendar";
    }

    private <E extends Enum<E>> @Nullable E choice(Class<E> enumType, @Nullable String value, String field,
            Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(enumType, value.trim());
        } catch (IllegalArgumentException e) {
            errors.put(field, texts.message("content.form.choice"));
            return null;
        }
    }
}
