package io.shopops.marketing;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.shopops.audit.AuditLog;
import io.shopops.customer.CustomerId;
import io.shopops.customer.Customers;
import io.shopops.marketing.internal.CampaignRecord;
import io.shopops.marketing.internal.CampaignRepository;
import io.shopops.shared.Actors;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.ConflictException;
import io.shopops.shared.InvalidInputException;
import io.shopops.shared.Money;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.ShopProperties;
import io.shopops.shared.StableHash;
import io.shopops.shared.Violations;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Campaigns (營銷活動) for the operations team: plan one with a SMART objective, channels and their budget split,
 * and an audience; launch it (an audience is split into treatment and hold-out for good); record what each channel
 * cost; issue its coupons to the treatment group; stop it early. Promotions and coupon templates join a campaign by
 * carrying its code, and while the campaign has an audience they go to its treatment group only, so the hold-out
 * group measures what the campaign added ({@link CampaignReports}).
 */
@Service
public class Campaigns {

    /** Basis points of the hold-out split. */
    static final int BUCKETS = 10_000;
    static final int MAX_SPEND_AGE_DAYS = 90;

    private final CampaignRepository campaigns;
    private final CampaignDefinitions definitions;
    private final CustomerAudience audiences;
    private final Customers customers;
    private final Coupons coupons;
    private final AuditLog audit;
    private final ShopProperties shop;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Campaigns(CampaignRepository campaigns, CampaignDefinitions definitions, CustomerAudience audiences,
            Customers customers, Coupons coupons, AuditLog audit, ShopProperties shop,
            TransactionTemplate transactions, Clock clock) {
        this.campaigns = campaigns;
        this.definitions = definitions;
        this.audiences = audiences;
        this.customers = customers;
        this.coupons = coupons;
        this.audit = audit;
        this.shop = shop;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Whether the customer falls in the campaign's hold-out group: a hash of the code and the customer id. */
    static boolean heldOut(String campaignCode, long customer, int holdoutPercent) {
        return StableHash.bucket(campaignCode.toUpperCase(Locale.ROOT) + ":holdout:" + customer, BUCKETS)
                < holdoutPercent * (BUCKETS / 100);
    }

    /** A new draft. 400 naming every refused field (unknown customers included); 409 for a code already used. */
    @Transactional
    public CampaignView create(NewCampaign campaign) {
        Instant now = now();
        CampaignRecord checked = definitions.check(campaign, new CampaignId(0), Actors.current().username(), now, 0);
        List<Long> audience = knownAudience(checked, campaign.customerIds());
        if (campaigns.codeTaken(checked.code(), null)) {
            throw new ConflictException("code", "campaign code " + checked.code() + " is already used");
        }
        CampaignId id = campaigns.insert(checked);
        if (checked.audience() == CampaignAudienceKind.CUSTOMERS) {
            campaigns.replaceMembers(id, split(checked, audience));
        }
        CampaignView view = campaign(id);
        audit.record("CAMPAIGN_CREATED", "campaign", id, view.code() + " " + view.name(), null, summary(view));
        return view;
    }

    /** Changes a draft; 409 when someone changed it since {@code expectedVersion}, 422 once it is launched. */
    @Transactional
    public CampaignView update(CampaignId id, NewCampaign campaign, long expectedVersion) {
        CampaignRecord before = record(id);
        if (before.stored() != CampaignRecord.Stored.DRAFT) {
            throw new BusinessRuleException("campaign-not-draft", "only a draft can be changed; this one is "
                    + before.statusAt(now()));
        }
        if (campaign.audience() == CampaignAudienceKind.CUSTOMERS && campaign.customerIds() == null
                && before.audience() == CampaignAudienceKind.CUSTOMERS) {
            // no list given: the audience stays (split again, as the code may have changed)
            campaign = withCustomers(campaign, campaigns.members(id).keySet().stream().sorted().toList());
        }
        CampaignRecord checked = definitions.check(campaign, id, before.createdBy(), before.createdAt(),
                before.version());
        List<Long> audience = knownAudience(checked, campaign.customerIds());
        if (campaigns.codeTaken(checked.code(), id)) {
            throw new ConflictException("code", "campaign code " + checked.code() + " is already used");
        }
        if (!campaigns.updateDraft(id, checked, expectedVersion, now())) {
            throw new ConflictException("version", "the campaign was changed meanwhile: reload it");
        }
        campaigns.replaceMembers(id, checked.audience() == CampaignAudienceKind.CUSTOMERS ? split(checked, audience)
                : Map.of());
        CampaignView after = campaign(id);
        audit.record("CAMPAIGN_UPDATED", "campaign", id, after.code(), summary(view(before)), summary(after));
        return after;
    }

    private static NewCampaign withCustomers(NewCampaign c, List<Long> customers) {
        return new NewCampaign(c.code(), c.name(), c.description(), c.objectiveMetric(), c.objectiveTarget(),
                c.objectiveDeadline(), c.objectiveRationale(), c.startsAt(), c.endsAt(), c.attributionDays(),
                c.audience(), customers, c.segmentId(), c.holdoutPercent(), c.landingUrl(), c.channels());
    }

    private List<Long> knownAudience(CampaignRecord c, @Nullable List<Long> ids) {
        if (c.audience() != CampaignAudienceKind.CUSTOMERS) {
            return List.of();
        }
        List<Long> distinct = CampaignDefinitions.distinct(ids);
        Set<CustomerId> known = customers.existing(distinct.stream().map(CustomerId::new).toList());
        List<Long> unknown = distinct.stream().filter(i -> !known.contains(new CustomerId(i))).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("customerIds", unknown.size() + " unknown customer id(s): "
                    + unknown.stream().limit(20).map(String::valueOf).toList());
        }
        return distinct;
    }

    private static Map<Long, Boolean> split(CampaignRecord c, List<Long> audience) {
        Map<Long, Boolean> members = new LinkedHashMap<>();
        for (long customer : audience) {
            members.put(customer, heldOut(c.code(), customer, c.holdoutPercent()));
        }
        return members;
    }

    /**
     * Launches a draft: from here its audience and objective are fixed (a segment is read once, now), and its
     * promotions and coupons go to the treatment group only. 422 when its end has passed or its audience has nobody
     * in the treatment group.
     */
    @Transactional
    public CampaignView launch(CampaignId id, long expectedVersion) {
        CampaignRecord c = record(id);
        Instant now = now();
        if (c.stored() != CampaignRecord.Stored.DRAFT) {
            throw new BusinessRuleException("campaign-not-draft", "only a draft can be launched");
        }
        if (!c.endsAt().isAfter(now)) {
            throw new BusinessRuleException("campaign-ended", "endsAt", "its end has already passed");
        }
        if (c.audience() == CampaignAudienceKind.SEGMENT) {
            if (!audiences.available()) {
                throw new BusinessRuleException("segments-unavailable", "segmentId",
                        "customer segments are not available yet");
            }
            campaigns.replaceMembers(id, split(c, audiences.segmentMembers(c.segmentId()).stream()
                    .map(CustomerId::value).toList()));
        }
        if (c.targeted() && campaigns.memberCounts(List.of(id)).getOrDefault(id, new long[2])[0] == 0) {
            throw new BusinessRuleException("campaign-audience-empty", "customerIds",
                    "the audience has nobody in the treatment group");
        }
        if (!campaigns.move(id, CampaignRecord.Stored.DRAFT, CampaignRecord.Stored.LAUNCHED, expectedVersion, null,
                now)) {
            throw new ConflictException("version", "the campaign was changed meanwhile: reload it");
        }
        return changed("CAMPAIGN_LAUNCHED", c);
    }

    /** Ends a launched campaign now, for a reason (required); its orders are measured for its attribution days. */
    @Transactional
    public CampaignView stop(CampaignId id, @Nullable String reason, long expectedVersion) {
        Violations v = new Violations();
        v.text("reason", reason, true, 500);
        v.throwIfAny();
        CampaignRecord c = record(id);
        if (c.stored() != CampaignRecord.Stored.LAUNCHED || c.statusAt(now()) == CampaignStatus.ENDED) {
            throw new BusinessRuleException("campaign-not-running", "only a scheduled or running campaign can be stopped");
        }
        if (!campaigns.move(id, CampaignRecord.Stored.LAUNCHED, CampaignRecord.Stored.STOPPED, expectedVersion,
                reason.trim(), now())) {
            throw new ConflictException("version", "the campaign was changed meanwhile: reload it");
        }
        return changed("CAMPAIGN_STOPPED", c);
    }

    private CampaignView changed(String action, CampaignRecord before) {
        CampaignView after = campaign(before.id());
        audit.record(action, "campaign", before.id(), after.code() + " → " + after.status(), summary(view(before)),
                summary(after));
        return after;
    }

    // --- spend ---------------------------------------------------------------------------------------------

    public record SpendEntry(long id, int channelSeq, String channel, LocalDate spentOn, Money amount,
            @Nullable String note, String recordedBy, Instant recordedAt) {
    }

    /**
     * Records what a channel cost (an invoice, a platform's bill) on a day of the shop's calendar, from the launch
     * on. A correction is a negative amount with a note; a channel's spend never goes below zero.
     */
    @Transactional
    public SpendEntry recordSpend(CampaignId id, @Nullable Integer channelSeq, @Nullable LocalDate spentOn,
            @Nullable BigDecimal amount, @Nullable String note) {
        CampaignRecord c = record(id);
        LocalDate today = LocalDate.ofInstant(now(), shop.zone());
        Violations v = new Violations();
        CampaignRecord.Channel channel = channelSeq == null ? null
                : c.channels().stream().filter(ch -> ch.seq() == channelSeq).findFirst().orElse(null);
        v.check(channelSeq != null, "channelSeq", "is required");
        v.check(channelSeq == null || channel != null, "channelSeq", "no such channel in this campaign");
        if (spentOn == null) {
            v.add("spentOn", "is required");
        } else {
            LocalDate first = LocalDate.ofInstant(c.startsAt(), shop.zone()).minusDays(MAX_SPEND_AGE_DAYS);
            v.check(!spentOn.isAfter(today), "spentOn", "must not be in the future");
            v.check(!spentOn.isBefore(first), "spentOn", "must be at most " + MAX_SPEND_AGE_DAYS
                    + " days before the campaign starts");
        }
        if (amount == null) {
            v.add("amount", "is required");
        } else if (amount.signum() == 0) {
            v.add("amount", "must not be zero");
        } else {
            v.amount("amount", amount.abs(), shop.currency());
            v.check(amount.signum() > 0 || (note != null && !note.isBlank()), "note",
                    "is required for a correction (a negative amount)");
        }
        v.text("note", note, false, 500);
        v.throwIfAny();
        if (c.stored() == CampaignRecord.Stored.DRAFT) {
            throw new BusinessRuleException("campaign-not-launched", "spend is recorded once the campaign is launched");
        }
        campaigns.lock(id);
        BigDecimal spent = campaigns.spentByChannel(List.of(id)).getOrDefault(id, Map.of())
                .getOrDefault(channelSeq, BigDecimal.ZERO);
        if (spent.add(amount).signum() < 0) {
            throw new BusinessRuleException("spend-below-zero", "amount", "the channel has only "
                    + spent.toPlainString() + " recorded; a correction cannot take it below zero");
        }
        String by = Actors.current().username();
        Instant at = now();
        long entry = campaigns.recordSpend(id, channelSeq, spentOn, amount, note == null ? null : note.trim(), by, at);
        audit.record("CAMPAIGN_SPEND_RECORDED", "campaign", id, c.code() + " " + channel.name() + " "
                + amount.toPlainString() + " on " + spentOn, null, null);
        return new SpendEntry(entry, channelSeq, channel.name(), spentOn, Money.of(amount, shop.currency()),
                note == null ? null : note.trim(), by, at);
    }

    /** Every spend entry, latest day first. */
    @Transactional(readOnly = true)
    public List<SpendEntry> spends(CampaignId id) {
        CampaignRecord c = record(id);
        Map<Integer, String> names = new HashMap<>();
        c.channels().forEach(ch -> names.put(ch.seq(), ch.name()));
        return campaigns.spends(id).stream().map(s -> new SpendEntry(s.id(), s.channelSeq(),
                names.getOrDefault(s.channelSeq(), "#" + s.channelSeq()), s.spentOn(),
                Money.of(s.amount(), shop.currency()), s.note(), s.recordedBy(), s.recordedAt())).toList();
    }

    // --- coupons to the audience ---------------------------------------------------------------------------

    /**
     * Issues one coupon of a template carrying the campaign's code to every member of the treatment group (the
     * hold-out group gets none), {@value Coupons#MAX_BULK} per transaction; refusals (the customer's limit, the
     * template's total) are listed.
     */
    public Coupons.IssueResult issueCoupons(CampaignId id, @Nullable CouponTemplateId templateId) {
        Violations v = new Violations();
        v.check(templateId != null, "templateId", "is required");
        v.throwIfAny();
        CampaignRecord c = transactions.execute(s -> record(id));
        CouponTemplateView template = coupons.template(templateId);
        if (template.campaignCode() == null || !template.campaignCode().equalsIgnoreCase(c.code())) {
            throw new BusinessRuleException("coupon-not-in-campaign", "templateId",
                    "the template does not carry the campaign code " + c.code());
        }
        if (!c.targeted() || c.stored() == CampaignRecord.Stored.DRAFT) {
            throw new BusinessRuleException("campaign-without-audience", "templateId",
                    "only a launched campaign with an audience issues to its treatment group");
        }
        List<Long> treatment = campaigns.members(id).entrySet().stream().filter(e -> !e.getValue())
                .map(Map.Entry::getKey).sorted().toList();
        int issued = 0;
        List<Coupons.IssueResult.Refusal> refused = new ArrayList<>();
        for (int from = 0; from < treatment.size(); from += Coupons.MAX_BULK) {
            Coupons.IssueResult part = coupons.issue(templateId,
                    treatment.subList(from, Math.min(treatment.size(), from + Coupons.MAX_BULK)));
            issued += part.issued();
            refused.addAll(part.refused());
        }
        return new Coupons.IssueResult(treatment.size(), issued, refused);
    }

    // --- views ---------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public CampaignView campaign(CampaignId id) {
        return view(record(id));
    }

    @Transactional(readOnly = true)
    public CampaignView campaign(String code) {
        return view(campaigns.byCode(code).orElseThrow(() -> NotFoundException.of("Campaign", code)));
    }

    @Transactional(readOnly = true)
    public Page<CampaignView> find(@Nullable CampaignStatus status, @Nullable String text, PageQuery page) {
        Page<CampaignRecord> found = campaigns.find(status, text, now(), page);
        List<CampaignId> ids = found.items().stream().map(CampaignRecord::id).toList();
        Map<CampaignId, long[]> members = campaigns.memberCounts(ids);
        Map<CampaignId, Map<Integer, BigDecimal>> spent = campaigns.spentByChannel(ids);
        Instant now = now();
        return Page.of(found.items().stream().map(c -> view(c, members.getOrDefault(c.id(), new long[2]),
                spent.getOrDefault(c.id(), Map.of()), List.of(), now)).toList(), page, found.totalItems());
    }

    CampaignRecord record(CampaignId id) {
        return campaigns.find(id).orElseThrow(() -> NotFoundException.of("Campaign", id));
    }

    CampaignView view(CampaignRecord c) {
        List<CampaignId> id = List.of(c.id());
        return view(c, campaigns.memberCounts(id).getOrDefault(c.id(), new long[2]),
                campaigns.spentByChannel(id).getOrDefault(c.id(), Map.of()), campaigns.linked(c.code()).stream()
                        .map(l -> new CampaignView.Link(l.kind(), l.id(), l.code(), l.name(), l.status())).toList(),
                now());
    }

    private CampaignView view(CampaignRecord c, long[] members, Map<Integer, BigDecimal> spent,
            List<CampaignView.Link> links, Instant now) {
        Money zero = Money.zero(shop.currency());
        Money budget = zero;
        Money total = zero;
        List<CampaignView.Channel> channels = new ArrayList<>();
        for (CampaignRecord.Channel ch : c.channels()) {
            Money channelSpent = Money.of(spent.getOrDefault(ch.seq(), BigDecimal.ZERO), shop.currency());
            budget = budget.plus(ch.budget());
            total = total.plus(channelSpent);
            channels.add(new CampaignView.Channel(ch.seq(), ch.kind(), ch.name(), ch.utmSource(), ch.utmMedium(),
                    ch.budget(), channelSpent, channelSpent.isGreaterThan(ch.budget()),
                    trackingLink(c.landingUrl(), c.code(), ch)));
        }
        return new CampaignView(c.id(), c.code(), c.name(), c.description(),
                new CampaignView.Objective(c.metric(), c.target(), c.deadline(), c.rationale()), c.statusAt(now),
                c.startsAt(), c.endsAt(), c.attributionDays(), c.audience(), c.segmentId(), c.holdoutPercent(),
                members[0], members[1], c.landingUrl(), channels, budget, total, links, c.launchedAt(), c.stoppedAt(),
                c.stoppedReason(), c.createdBy(), c.createdAt(), c.updatedAt(), c.version());
    }

    /** The landing URL with the channel's UTM parameters (utm_campaign is the campaign code). */
    static @Nullable String trackingLink(@Nullable String landingUrl, String code, CampaignRecord.Channel ch) {
        if (landingUrl == null) {
            return null;
        }
        StringBuilder link = new StringBuilder(landingUrl).append(landingUrl.contains("?") ? '&' : '?')
                .append("utm_source=").append(encode(ch.utmSource()));
        if (ch.utmMedium() != null) {
            link.append("&utm_medium=").append(encode(ch.utmMedium()));
        }
        return link.append("&utm_campaign=").append(encode(code)).toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** What the audit log keeps of a campaign: not its audience list. */
    private static Map<String, Object> summary(CampaignView c) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("code", c.code());
        s.put("name", c.name());
        s.put("status", c.status());
        s.put("objective", c.objective());
        s.put("startsAt", c.startsAt());
        s.put("endsAt", c.endsAt());
        s.put("audience", c.audience());
        s.put("treatment", c.treatmentSize());
        s.put("holdout", c.holdoutSize());
        s.put("budget", c.budget());
        return s;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
