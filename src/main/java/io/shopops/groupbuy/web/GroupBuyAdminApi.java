package io.shopops.groupbuy.web;

import java.math.BigDecimal;
import java.time.Instant;

import io.shopops.catalog.SkuId;
import io.shopops.groupbuy.ActivityStatus;
import io.shopops.groupbuy.GroupBuyActivities;
import io.shopops.groupbuy.GroupBuyDraft;
import io.shopops.groupbuy.GroupBuyFigures;
import io.shopops.groupbuy.GroupBuyId;
import io.shopops.groupbuy.GroupBuyView;
import io.shopops.groupbuy.GroupBuys;
import io.shopops.groupbuy.GroupDetail;
import io.shopops.groupbuy.GroupId;
import io.shopops.groupbuy.GroupQuery;
import io.shopops.groupbuy.GroupStatus;
import io.shopops.groupbuy.GroupView;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.web.RequiresPermission;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Group-buy activities for marketing staff (write as drafts, schedule, cancel) and the groups they gather: the list
 * by status, one group with its members and their orders, and the monitor's figures.
 */
@RestController
@RequestMapping("/api/v1/admin/group-buys")
class GroupBuyAdminApi {

    private final GroupBuyActivities activities;
    private final GroupBuys groupBuys;

    GroupBuyAdminApi(GroupBuyActivities activities, GroupBuys groupBuys) {
        this.activities = activities;
        this.groupBuys = groupBuys;
    }

    /** An activity's fields with the version the client read. */
    record UpdateRequest(@Nullable String name, @Nullable SkuId skuId, @Nullable BigDecimal groupPrice,
            @Nullable Boolean belowCostAllowed, @Nullable Integer groupSize, @Nullable Integer timeLimitHours,
            @Nullable Integer perCustomerLimit, @Nullable Instant startsAt, @Nullable Instant endsAt,
            @Nullable Long version) {
    }

    record VersionRequest(@Nullable Long version) {
    }

    record ReasonRequest(@Nullable String reason) {
    }

    /** Activities in a status (any when absent) whose name or SKU code contains {@code q}, newest first. */
    @GetMapping
    @RequiresPermission("marketing:read")
    Page<GroupBuyView> list(@RequestParam(required = false) @Nullable ActivityStatus status,
            @RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return activities.find(status, q, new PageQuery(page, size));
    }

    @PostMapping
    @RequiresPermission("marketing:write")
    ResponseEntity<GroupBuyView> create(@RequestBody GroupBuyDraft draft) {
        GroupBuyView created = activities.create(draft);
        return ResponseEntity.created(ApiSupport.location(created.id())).body(created);
    }

    /** The monitor's figures: groups by outcome, success rate, orders released, refunds triggered. */
    @GetMapping("/figures")
    @RequiresPermission("marketing:read")
    GroupBuyFigures figures() {
        return groupBuys.figures();
    }

    /** Groups of an activity (any when absent) in a status (any when absent). */
    @GetMapping("/groups")
    @RequiresPermission("marketing:read")
    Page<GroupView> groups(@RequestParam(required = false) @Nullable Long activityId,
            @RequestParam(required = false) @Nullable GroupStatus status, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return groupBuys.find(new GroupQuery(activityId == null ? null : new GroupBuyId(activityId), status),
                new PageQuery(page, size));
    }

    /** A group with its opener and every member with the order paying for the place. */
    @GetMapping("/groups/{groupId}")
    @RequiresPermission("marketing:read")
    GroupDetail group(@PathVariable long groupId) {
        return groupBuys.detail(new GroupId(groupId));
    }

    @GetMapping("/{id}")
    @RequiresPermission("marketing:read")
    GroupBuyView get(@PathVariable long id) {
        return activities.activity(new GroupBuyId(id));
    }

    @PutMapping("/{id}")
    @RequiresPermission("marketing:write")
    GroupBuyView update(@PathVariable long id, @RequestBody UpdateRequest request) {
        return activities.update(new GroupBuyId(id), new GroupBuyDraft(request.name(), request.skuId(),
                request.groupPrice(), request.belowCostAllowed(), request.groupSize(), request.timeLimitHours(),
                request.perCustomerLimit(), request.startsAt(), request.endsAt()), ApiSupport.version(request.version()));
    }

    @DeleteMapping("/{id}")
    @RequiresPermission("marketing:write")
    ResponseEntity<Void> delete(@PathVariable long id) {
        activities.delete(new GroupBuyId(id));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/schedule")
    @RequiresPermission("marketing:publish")
    GroupBuyView schedule(@PathVariable long id, @RequestBody VersionRequest request) {
        return activities.schedule(new GroupBuyId(id), ApiSupport.version(request.version()));
    }

    /** Cancels the activity: its gathering groups fail and their members are refunded. */
    @PostMapping("/{id}/cancel")
    @RequiresPermission("marketing:publish")
    GroupBuyView cancel(@PathVariable long id, @RequestBody(required = false) @Nullable ReasonRequest request) {
        return activities.cancel(new GroupBuyId(id), request == null ? null : request.reason());
    }
}
