package io.shopops.marketing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/** A campaign with its channels' budgets and spend, its audience sizes and what carries its code. */
public record CampaignView(CampaignId id, String code, String name, String description, Objective objective,
        CampaignStatus status, Instant startsAt, Instant endsAt, int attributionDays, CampaignAudienceKind audience,
        @Nullable Long segmentId, int holdoutPercent, long treatmentSize, long holdoutSize, @Nullable String landingUrl,
        List<Channel> channels, Money budget, Money spent, List<Link> links, @Nullable Instant launchedAt,
        @Nullable Instant stoppedAt, @Nullable String stoppedReason, String createdBy, Instant createdAt,
        Instant updatedAt, long version) {

    public CampaignView {
        channels = List.copyOf(channels);
        links = List.copyOf(links);
    }

    public record Objective(CampaignMetric metric, BigDecimal target, Instant deadline, String rationale) {
    }

    /**
     * @param trackingLink the landing URL with the channel's UTM parameters, when the campaign has a landing URL
     */
    public record Channel(int seq, CampaignChannelKind kind, String name, String utmSource,
            @Nullable String utmMedium, Money budget, Money spent, boolean overBudget,
            @Nullable String trackingLink) {
    }

    /** A promotion or coupon template carrying the campaign's code. */
    public record Link(String kind, long id, String code, String name, String status) {
    }

    /** Where the campaign's orders stop counting: its end (or when it was stopped) plus its attribution days. */
    public Instant measuredUntil() {
        Instant end = stoppedAt != null && stoppedAt.isBefore(endsAt) ? stoppedAt : endsAt;
        return end.plus(java.time.Duration.ofDays(attributionDays));
    }
}
