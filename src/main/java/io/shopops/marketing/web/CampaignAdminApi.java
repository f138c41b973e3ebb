package io.shopops.marketing.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.shopops.marketing.CampaignId;
import io.shopops.marketing.CampaignReport;
import io.shopops.marketing.CampaignReports;
import io.shopops.marketing.CampaignStatus;
import io.shopops.marketing.CampaignView;
import io.shopops.marketing.Campaigns;
import io.shopops.marketing.CouponTemplateId;
import io.shopops.marketing.Coupons;
import io.shopops.marketing.NewCampaign;
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

/** Campaigns for staff: plan, change a draft, launch, stop, record spend, issue coupons to the audience, report. */
@RestController
@RequestMapping("/api/v1/admin/campaigns")
class CampaignAdminApi {

    private final Campaigns campaigns;
    private final CampaignReports reports;

    CampaignAdminApi(Campaigns campaigns, CampaignReports reports) {
        this.campaigns = campaigns;
        this.reports = reports;
    }

    record StopRequest(@Nullable String reason) {
    }

    record SpendRequest(@Nullable Integer channelSeq, @Nullable LocalDate spentOn, @Nullable BigDecimal amount,
            @Nullable String note) {
    }

    record IssueRequest(@Nullable Long templateId) {
    }

    @GetMapping
    @RequiresPermission("marketing:read")
    Page<CampaignView> list(@RequestParam(required = false) @Nullable CampaignStatus status,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return campaigns.find(status, q, new PageQuery(page, size));
    }

    @PostMapping
    @RequiresPermission("marketing:write")
    ResponseEntity<CampaignView> create(@RequestBody NewCampaign campaign) {
        CampaignView created = campaigns.create(campaign);
        return ResponseEntity.created(URI.create("/api/v1/admin/campaigns/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    @RequiresPermission("marketing:read")
    CampaignView get(@PathVariable long id) {
        return campaigns.campaign(new CampaignId(id));
    }

    /** Changes a draft; {@code version} is the one read. */
    @PutMapping("/{id}")
    @RequiresPermission("marketing:write")
    CampaignView update(@PathVariable long id, @RequestParam(required = false) @Nullable Long version,
            @RequestBody NewCampaign campaign) {
        return campaigns.update(new CampaignId(id), campaign, Versions.required(version));
    }

    @PostMapping("/{id}/launch")
    @RequiresPermission("marketing:publish")
    CampaignView launch(@PathVariable long id, @RequestParam(required = false) @Nullable Long version) {
        return campaigns.launch(new CampaignId(id), Versions.required(version));
    }

    @PostMapping("/{id}/stop")
    @RequiresPermission("marketing:publish")
    CampaignView stop(@PathVariable long id, @RequestParam(required = false) @Nullable Long version,
            @RequestBody StopRequest request) {
        return campaigns.stop(new CampaignId(id), request.reason(), Versions.required(version));
    }

    @GetMapping("/{id}/spend")
    @RequiresPermission("marketing:read")
    List<Campaigns.SpendEntry> spends(@PathVariable long id) {
        return campaigns.spends(new CampaignId(id));
    }

    @PostMapping("/{id}/spend")
    @RequiresPermission("marketing:write")
    ResponseEntity<Campaigns.SpendEntry> recordSpend(@PathVariable long id, @RequestBody SpendRequest request) {
        Campaigns.SpendEntry entry = campaigns.recordSpend(new CampaignId(id), request.channelSeq(),
                request.spentOn(), request.amount(), request.note());
        return ResponseEntity.status(201).body(entry);
    }

    /** One coupon of a template carrying the campaign's code to each member of the treatment group. */
    @PostMapping("/{id}/issue-coupons")
    @RequiresPermission("marketing:write")
    Coupons.IssueResult issueCoupons(@PathVariable long id, @RequestBody IssueRequest request) {
        return campaigns.issueCoupons(new CampaignId(id),
                request.templateId() == null ? null : new CouponTemplateId(request.templateId()));
    }

    @GetMapping("/{id}/report")
    @RequiresPermission("marketing:read")
    CampaignReport report(@PathVariable long id) {
        return reports.report(new CampaignId(id));
    }
}
