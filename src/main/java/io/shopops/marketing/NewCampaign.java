package io.shopops.marketing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A campaign as an operator plans it, with a SMART objective: specific ({@code description}: what it does, for
 * whom), measurable ({@code objectiveMetric} and {@code objectiveTarget}), achievable (the report compares the
 * target with what the shop did in the same length of time before), relevant ({@code objectiveRationale}: why it
 * matters now) and time-bound ({@code objectiveDeadline}).
 *
 * @param attributionDays days after the end during which orders still count (0 to 30; default 7)
 * @param customerIds     the audience when {@code audience} is CUSTOMERS
 * @param segmentId       the audience when {@code audience} is SEGMENT
 * @param holdoutPercent  the share of the audience held out (1 to 50; default 10) to measure what the campaign
 *                        added; none for EVERYONE
 * @param landingUrl      the page the channels' tracking links lead to
 */
public record NewCampaign(@Nullable String code, @Nullable String name, @Nullable String description,
        @Nullable CampaignMetric objectiveMetric, @Nullable BigDecimal objectiveTarget,
        @Nullable Instant objectiveDeadline, @Nullable String objectiveRationale, @Nullable Instant startsAt,
        @Nullable Instant endsAt, @Nullable Integer attributionDays, @Nullable CampaignAudienceKind audience,
        @Nullable List<Long> customerIds, @Nullable Long segmentId, @Nullable Integer holdoutPercent,
        @Nullable String landingUrl, @Nullable List<Channel> channels) {

    /**
     * A channel and its share of the budget.
     *
     * @param utmSource what the channel's links carry as {@code utm_source} (the campaign code is {@code utm_campaign})
     */
    public record Channel(@Nullable CampaignChannelKind kind, @Nullable String name, @Nullable String utmSource,
            @Nullable String utmMedium, @Nullable BigDecimal budget) {
    }
}
