package io.shopops.marketing.web;

import java.net.URI;
import java.util.List;

import io.shopops.marketing.CouponTemplateId;
import io.shopops.marketing.CouponTemplateStatus;
import io.shopops.marketing.CouponTemplateView;
import io.shopops.marketing.CouponView;
import io.shopops.marketing.Coupons;
import io.shopops.marketing.NewCouponTemplate;
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

/** Coupon templates for staff: define, activate, stop, issue to customers, see what became of them. */
@RestController
@RequestMapping("/api/v1/admin/coupons")
class CouponAdminApi {

    private final Coupons coupons;

    CouponAdminApi(Coupons coupons) {
        this.coupons = coupons;
    }

    record IssueRequest(@Nullable List<Long> customerIds, @Nullable Long segmentId) {
    }

    @GetMapping("/templates")
    @RequiresPermission("marketing:read")
    Page<CouponTemplateView> list(@RequestParam(required = false) @Nullable CouponTemplateStatus status,
            @RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return coupons.find(status, q, new PageQuery(page, size));
    }

    @PostMapping("/templates")
    @RequiresPermission("marketing:write")
    ResponseEntity<CouponTemplateView> create(@RequestBody NewCouponTemplate template) {
        CouponTemplateView created = coupons.create(template);
        return ResponseEntity.created(URI.create("/api/v1/admin/coupons/templates/" + created.id())).body(created);
    }

    @GetMapping("/templates/{id}")
    @RequiresPermission("marketing:read")
    CouponTemplateView get(@PathVariable long id) {
        return coupons.template(new CouponTemplateId(id));
    }

    @PutMapping("/templates/{id}")
    @RequiresPermission("marketing:write")
    CouponTemplateView update(@PathVariable long id, @RequestParam(required = false) @Nullable Long version,
            @RequestBody NewCouponTemplate template) {
        return coupons.update(new CouponTemplateId(id), template, Versions.required(version));
    }

    @PostMapping("/templates/{id}/activate")
    @RequiresPermission("marketing:publish")
    CouponTemplateView activate(@PathVariable long id, @RequestParam(required = false) @Nullable Long version) {
        return coupons.activate(new CouponTemplateId(id), Versions.required(version));
    }

    @PostMapping("/templates/{id}/stop")
    @RequiresPermission("marketing:publish")
    CouponTemplateView stop(@PathVariable long id, @RequestParam(required = false) @Nullable Long version) {
        return coupons.stop(new CouponTemplateId(id), Versions.required(version));
    }

    /** Issues one coupon to each listed customer, or to each member of a segment ({@code segmentId}). */
    @PostMapping("/templates/{id}/issue")
    @RequiresPermission("marketing:write")
    Coupons.IssueResult issue(@PathVariable long id, @RequestBody IssueRequest request) {
        if (request.segmentId() != null && request.customerIds() == null) {
            return coupons.issueToSegment(new CouponTemplateId(id), request.segmentId());
        }
        return coupons.issue(new CouponTemplateId(id), request.customerIds());
    }

    @GetMapping("/templates/{id}/coupons")
    @RequiresPermission("marketing:read")
    Page<CouponView> couponsOf(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return coupons.coupons(new CouponTemplateId(id), new PageQuery(page, size));
    }

    @PostMapping("/{couponId}/void")
    @RequiresPermission("marketing:write")
    ResponseEntity<Void> voidCoupon(@PathVariable long couponId) {
        coupons.voidCoupon(couponId);
        return ResponseEntity.noContent().build();
    }
}
