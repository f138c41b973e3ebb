package io.shopops.groupbuy.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.shopops.groupbuy.BargainFigures;
import io.shopops.groupbuy.BargainId;
import io.shopops.groupbuy.BargainQuery;
import io.shopops.groupbuy.BargainStatus;
import io.shopops.groupbuy.Bargains;
import io.shopops.groupbuy.GroupBuyActivities;
import io.shopops.groupbuy.GroupBuyFigures;
import io.shopops.groupbuy.GroupBuyId;
import io.shopops.groupbuy.GroupBuys;
import io.shopops.groupbuy.GroupId;
import io.shopops.groupbuy.GroupQuery;
import io.shopops.groupbuy.GroupStatus;
import io.shopops.groupbuy.GroupView;
import io.shopops.groupbuy.MembershipStatus;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.web.ConsoleController;
import io.shopops.shared.web.FormValues;
import io.shopops.shared.web.RequiresPermission;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The group-buy monitor (拼團監控): the figures (groups by outcome, success rate, orders released, refunds triggered)
 * with a chart of the outcomes, the activities with their groups per outcome, the groups by status (gathering ones
 * with their progress and time left, soonest deadline first), one group's members and their orders; and the
 * bargains with their figures and one bargain's cuts, checked against its seed. Read only: activities are written
 * through the API.
 */
@ConsoleController
@RequestMapping("/console/group-buys")
class GroupBuyConsole {

    private static final int PAGE_SIZE = 50;
    static final Map<GroupStatus, String> GROUP_BADGES = new EnumMap<>(Map.of(GroupStatus.OPEN, "warn",
            GroupStatus.SUCCEEDED, "ok", GroupStatus.FAILED, "danger"));
    static final Map<MembershipStatus, String> MEMBER_BADGES = new EnumMap<>(Map.of(
            MembershipStatus.PENDING_PAYMENT, "warn", MembershipStatus.PAID, "", MembershipStatus.RELEASED, "ok",
            MembershipStatus.REFUNDED, "danger", MembershipStatus.CANCELLED, "danger"));
    static final Map<BargainStatus, String> BARGAIN_BADGES = new EnumMap<>(Map.of(BargainStatus.ACTIVE, "warn",
            BargainStatus.PURCHASED, "ok", BargainStatus.EXPIRED, "danger"));

    private final GroupBuyActivities activities;
    private final GroupBuys groupBuys;
    private final Bargains bargains;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Clock clock;

    GroupBuyConsole(GroupBuyActivities activities, GroupBuys groupBuys, Bargains bargains, MessageSource messages,
            JsonMapper json, Clock clock) {
        this.activities = activities;
        this.groupBuys = groupBuys;
        this.bargains = bargains;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    /** The groups' filters as typed, so that the form shows them again. */
    record Filter(@Nullable String status, @Nullable String activityId) {
    }

    @GetMapping
    @RequiresPermission("marketing:read")
    String monitor(Filter filter, @RequestParam(defaultValue = "0") String page, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        GroupStatus status = GroupStatus.OPEN;
        if (filter.status() != null && !filter.status().isBlank()) {
            try {
                status = filter.status().equals("ALL") ? null : GroupStatus.valueOf(filter.status().trim());
            } catch (IllegalArgumentException e) {
                errors.put("status", text("groupbuy.form.choice"));
            }
        }
        Long activityId = FormValues.number(filter.activityId(), "activityId", errors, text("groupbuy.form.number"));
        Long pageNumber = FormValues.number(page, "page", errors, text("groupbuy.form.number"));
        Page<GroupView> groups = Page.of(List.of(), PageQuery.first(PAGE_SIZE), 0);
        if (errors.isEmpty()) {
            groups = groupBuys.find(new GroupQuery(activityId == null ? null : new GroupBuyId(activityId), status),
                    new PageQuery((int) Math.min(Math.max(0, pageNumber == null ? 0 : pageNumber), 100_000),
                            PAGE_SIZE));
        }
        GroupBuyFigures figures = groupBuys.figures();
        Map<GroupBuyId, GroupBuyFigures.ActivityCounts> counts = new HashMap<>();
        figures.activities().forEach(c -> counts.put(c.activityId(), c));
        Instant now = Instant.now(clock);
        Map<GroupId, Long> minutesLeft = new HashMap<>();
        groups.items().forEach(g -> minutesLeft.put(g.id(),
                Math.max(0, Duration.between(now, g.deadline()).toMinutes())));
        BargainFigures bargainFigures = bargains.figures();

        model.addAttribute("filter", filter);
        model.addAttribute("groupStatus", status == null ? "ALL" : status.name());
        model.addAttribute("errors", errors);
        model.addAttribute("figures", figures);
        model.addAttribute("outcomeChart", figures.succeededGroups() + figures.failedGroups() + figures.openGroups() == 0
                ? null : outcomeChart(figures));
        model.addAttribute("activities", activities.find(null, null, PageQuery.first(PAGE_SIZE)));
        model.addAttribute("counts", counts);
        model.addAttribute("groups", groups);
        model.addAttribute("minutesLeft", minutesLeft);
        model.addAttribute("groupStatuses", GroupStatus.values());
        model.addAttribute("groupBadges", GROUP_BADGES);
        model.addAttribute("bargainFigures", bargainFigures);
        model.addAttribute("bargains", bargains.find(BargainQuery.ALL, PageQuery.first(20)));
        model.addAttribute("bargainBadges", BARGAIN_BADGES);
        return "groupbuy/monitor";
    }

    @GetMapping("/groups/{id}")
    @RequiresPermission("marketing:read")
    String group(@PathVariable long id, Model model) {
        var detail = groupBuys.detail(new GroupId(id));
        model.addAttribute("detail", detail);
        model.addAttribute("minutesLeft", Math.max(0, Duration.between(Instant.now(clock),
                detail.group().deadline()).toMinutes()));
        model.addAttribute("groupBadges", GROUP_BADGES);
        model.addAttribute("memberBadges", MEMBER_BADGES);
        return "groupbuy/group";
    }

    @GetMapping("/bargains/{id}")
    @RequiresPermission("marketing:read")
    String bargain(@PathVariable long id, Model model) {
        model.addAttribute("detail", bargains.detail(new BargainId(id)));
        model.addAttribute("bargainBadges", BARGAIN_BADGES);
        return "groupbuy/bargain";
    }

    private String outcomeChart(GroupBuyFigures figures) {
        Locale locale = LocaleContextHolder.getLocale();
        List<String> labels = List.of(messages.getMessage("groupbuy.groupStatus.OPEN", null, locale),
                messages.getMessage("groupbuy.groupStatus.SUCCEEDED", null, locale),
                messages.getMessage("groupbuy.groupStatus.FAILED", null, locale));
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("name", "");
        series.put("data", List.of(figures.openGroups(), figures.succeededGroups(), figures.failedGroups()));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", "pie");
        spec.put("labels", labels);
        spec.put("series", List.of(series));
        return json.writeValueAsString(spec);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
