package io.shopops.marketing.web;

import java.net.URI;
import java.util.List;

import io.shopops.marketing.DryRun;
import io.shopops.marketing.NewPromotion;
import io.shopops.marketing.PromotionConflict;
import io.shopops.marketing.PromotionId;
import io.shopops.marketing.PromotionKind;
import io.shopops.marketing.PromotionStatus;
import io.shopops.marketing.PromotionView;
import io.shopops.marketing.Promotions;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.web.RequiresPermission;
import io.shopops.shared.web.Versions;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Promotions for staff: list, define, change a draft, check conflicts, dry-run, publish, stop. */
@RestController
@RequestMapping("/api/v1/admin/promotions")
class PromotionAdminApi {

    private final Promotions promotions;

    PromotionAdminApi(Promotions promotions) {
        this.promotions = promotions;
    }

    record StopRequest(@Nullable String reason) {
    }

    @GetMapping
    @RequiresPermission("marketing:read")
    Page<PromotionView> list(@RequestParam(required = false) @Nullable PromotionStatus status,
            @RequestParam(required = false) @Nullable PromotionKind kind,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return promotions.find(status, kind, q, new PageQuery(page, size));
    }

    @PostMapping
    @RequiresPermission("marketing:write")
    ResponseEntity<PromotionView> create(@RequestBody NewPromotion promotion) {
        PromotionView created = promotions.create(promotion);
        return ResponseEntity.created(URI.create("/api/v1/admin/promotions/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    @RequiresPermission("marketing:read")
    PromotionView get(@PathVariable long id) {
        return promotions.promotion(new PromotionId(id));
    }

    /** Changes a draft; {@code version} is the one read. */
    @PutMapping("/{id}")
    @RequiresPermission("marketing:write")
    PromotionView update(@PathVariable long id, @RequestParam(required = false) @Nullable Long version,
            @RequestBody NewPromotion promotion) {
        return promotions.update(new PromotionId(id), promotion, Versions.required(version));
    }

    @GetMapping("/{id}/conflicts")
    @RequiresPermission("marketing:read")
    List<PromotionConflict> conflicts(@PathVariable long id) {
        return promotions.conflicts(new PromotionId(id));
    }

    /** The promotion applied to the last {@code days} days of real baskets. */
    @GetMapping("/{id}/dry-run")
    @RequiresPermission("marketing:read")
    DryRun dryRun(@PathVariable long id, @RequestParam(defaultValue = "30") int days) {
        return promotions.dryRun(new PromotionId(id), days);
    }

    @PostMapping("/{id}/publish")
    @RequiresPermission("marketing:publish")
    PromotionView publish(@PathVariable long id, @RequestParam(required = false) @Nullable Long version) {
        return promotions.publish(new PromotionId(id), Versions.required(version));
    }

    @PostMapping("/{id}/stop")
    @RequiresPermission("marketing:publish")
    PromotionView stop(@PathVariable long id, @RequestParam(required = false) @Nullable Long version,
            @RequestBody StopRequest request) {
        return promotions.stop(new PromotionId(id), request.reason(), Versions.required(version));
    }
}
