package io.shopops.marketing.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.shopops.marketing.CampaignAudienceKind;
import io.shopops.marketing.CampaignChannelKind;
import io.shopops.marketing.CampaignId;
import io.shopops.marketing.CampaignMetric;
import io.shopops.marketing.CampaignStatus;
import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A campaign as stored. {@code stored} is DRAFT, LAUNCHED or STOPPED; {@link #statusAt} tells what it is at a
 * moment.
 */
public record CampaignRecord(CampaignId id, String code, String name, String description, CampaignMetric metric,
        BigDecimal target, Instant deadline, String rationale, Instant startsAt, Instant endsAt, int attributionDays,
        CampaignAudienceKind audience, @Nullable Long segmentId, int holdoutPercent, @Nullable String landingUrl,
        Stored stored, @Nullable Instant launchedAt, @Nullable Instant stoppedAt, @Nullable String stoppedReason,
        List<Channel> channels, String createdBy, Instant createdAt, Instant updatedAt, long version) {

    public CampaignRecord {
        channels = List.copyOf(channels);
    }

    public enum Stored {
        DRAFT, LAUNCHED, STOPPED
    }

    public record Channel(int seq, CampaignChannelKind kind, String name, String utmSource,
            @Nullable String utmMedium, Money budget) {
    }

    public CampaignStatus statusAt(Instant now) {
        return switch (stored) {
            case DRAFT -> CampaignStatus.DRAFT;
            case STOPPED -> CampaignStatus.STOPPED;
            case LAUNCHED -> now.isBefore(startsAt) ? CampaignStatus.SCHEDULED
                    : now.isBefore(endsAt) ? CampaignStatus.RUNNING : CampaignStatus.ENDED;
        };
    }

    /** Its end, or when it was stopped if earlier. */
    public Instant effectiveEnd() {
        return stoppedAt != null && stoppedAt.isBefore(endsAt) ? stoppedAt : endsAt;
    }

    /** Where its orders stop counting: the effective end plus the attribution days. */
    public Instant measuredUntil() {
        return effectiveEnd().plus(Duration.ofDays(attributionDays));
    }

    public boolean targeted() {
        return audience != CampaignAudienceKind.EVERYONE;
    }
}
