package io.shopops.groupbuy.web;

import java.math.BigDecimal;
import java.time.Instant;

import io.shopops.catalog.SkuId;
import io.shopops.groupbuy.ActivityStatus;
import io.shopops.groupbuy.BargainActivities;
import io.shopops.groupbuy.BargainActivityDraft;
import io.shopops.groupbuy.BargainActivityId;
import io.shopops.groupbuy.BargainActivityView;
import io.shopops.groupbuy.BargainDetail;
import io.shopops.groupbuy.BargainFigures;
import io.shopops.groupbuy.BargainId;
import io.shopops.groupbuy.BargainQuery;
import io.shopops.groupbuy.BargainStatus;
import io.shopops.groupbuy.BargainView;
import io.shopops.groupbuy.Bargains;
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
 * Bargain activities for marketing staff (write as drafts, schedule, cancel) and the bargains customers started: the
 * list by status, one bargain with its cuts, seed and their verification, and the monitor's figures.
 */
@RestController
@RequestMapping("/api/v1/admin/bargains")
class BargainAdminApi {

    private final BargainActivities activities;
    private final Bargains bargains;

    BargainAdminApi(BargainActivities activities, Bargains bargains) {
        this.activities = activities;
        this.bargains = bargains;
    }

    record UpdateRequest(@Nullable String name, @Nullable SkuId skuId, @Nullable BigDecimal floorPrice,
            @Nullable Boolean belowCostAllowed, @Nullable Integer maxHelpers, @Nullable Integer deadlineHours,
            @Nullable BigDecimal minCut, @Nullable BigDecimal maxCut, @Nullable Instant startsAt,
            @Nullable Instant endsAt, @Nullable Long version) {
    }

    record VersionRequest(@Nullable Long version) {
    }

    record ReasonRequest(@Nullable String reason) {
    }

    @GetMapping
    @RequiresPermission("marketing:read")
    Page<BargainActivityView> list(@RequestParam(required = false) @Nullable ActivityStatus status,
            @RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return activities.find(status, q, new PageQuery(page, size));
    }

    @PostMapping
    @RequiresPermission("marketing:write")
    ResponseEntity<BargainActivityView> create(@RequestBody BargainActivityDraft draft) {
        BargainActivityView created = activities.create(draft);
        return ResponseEntity.created(ApiSupport.location(created.id())).body(created);
    }

    @GetMapping("/figures")
    @RequiresPermission("marketing:read")
    BargainFigures figures() {
        return bargains.figures();
    }

    /** Bargains customers started, of an activity and in a status (any when absent), newest first. */
    @GetMapping("/started")
    @RequiresPermission("marketing:read")
    Page<BargainView> started(@RequestParam(required = false) @Nullable Long activityId,
            @RequestParam(required = false) @Nullable BargainStatus status, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return bargains.find(new BargainQuery(activityId == null ? null : new BargainActivityId(activityId), status),
                new PageQuery(page, size));
    }

    /** A bargain with its cuts, its seed and whether every cut is what the seed gives. */
    @GetMapping("/started/{bargainId}")
    @RequiresPermission("marketing:read")
    BargainDetail bargain(@PathVariable long bargainId) {
        return bargains.detail(new BargainId(bargainId));
    }

    @GetMapping("/{id}")
    @RequiresPermission("marketing:read")
    BargainActivityView get(@PathVariable long id) {
        return activities.activity(new BargainActivityId(id));
    }

    @PutMapping("/{id}")
    @RequiresPermission("marketing:write")
    BargainActivityView update(@PathVariable long id, @RequestBody UpdateRequest request) {
        return activities.update(new BargainActivityId(id), new BargainActivityDraft(request.name(), request.skuId(),
                request.floorPrice(), request.belowCostAllowed(), request.maxHelpers(), request.deadlineHours(),
                request.minCut(), request.maxCut(), request.startsAt(), request.endsAt()),
                ApiSupport.version(request.version()));
    }

    @DeleteMapping("/{id}")
    @RequiresPermission("marketing:write")
    ResponseEntity<Void> delete(@PathVariable long id) {
        activities.delete(new BargainActivityId(id));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/schedule")
    @RequiresPermission("marketing:publish")
    BargainActivityView schedule(@PathVariable long id, @RequestBody VersionRequest request) {
        return activities.schedule(new BargainActivityId(id), ApiSupport.version(request.version()));
    }

    @PostMapping("/{id}/cancel")
    @RequiresPermission("marketing:publish")
    BargainActivityView cancel(@PathVariable long id, @RequestBody(required = false) @Nullable ReasonRequest request) {
        return activities.cancel(new BargainActivityId(id), request == null ? null : request.reason());
    }
}
