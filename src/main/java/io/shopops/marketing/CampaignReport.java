package io.shopops.marketing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * What a campaign earned, as docs/metrics.md defines each figure: its attributed orders (placed from its start to
 * its end plus its attribution days, paid, carrying its code or one of its promotions' or coupons' discounts), the
 * money they brought and cost, the spend, ROI and ROAS, and, for an audience-targeted campaign, what it added over
 * its hold-out group with 95 % confidence intervals.
 *
 * @param asOf      the figures cover [measuredFrom, asOf): now, or the end of the measurement when it has passed
 * @param truncated the period had more orders than one report reads ({@code OrderFigures.MAX_ORDERS}); figures are
 *                  a lower bound
 */
public record CampaignReport(CampaignView campaign, Instant measuredFrom, Instant measuredUntil, Instant asOf,
        long reach, long orders, long buyers, long newBuyers, Money gmv, @Nullable Money aov, Money goodsPaid,
        Money goodsCost, Money discountCost, Money grossMargin, Money spend, Money budget, @Nullable BigDecimal roi,
        @Nullable BigDecimal roas, @Nullable Incremental incremental, Progress progress, List<ChannelFigures> channels,
        List<LinkFigures> links, List<Day> days, boolean truncated) {

    public CampaignReport {
        channels = List.copyOf(channels);
        links = List.copyOf(links);
        days = List.copyOf(days);
    }

    /**
     * Treatment against hold-out over the same window, counting every paid order of the members (with or without
     * the code): GMV and gross margin per member, conversion (share of members who bought), and the differences
     * scaled to the treatment group, each with Welch's 95 % interval.
     *
     * @param pValue Welch's two-sided t-test of GMV per member; null without two members in each group or spread
     */
    public record Incremental(long treatmentMembers, long holdoutMembers, long treatmentBuyers, long holdoutBuyers,
            double treatmentConversion, double holdoutConversion, Money treatmentGmvPerMember,
            Money holdoutGmvPerMember, Money incrementalGmv, @Nullable Interval incrementalGmvInterval,
            Money incrementalMargin, @Nullable Interval incrementalMarginInterval, @Nullable BigDecimal roi,
            @Nullable Interval roiInterval, @Nullable BigDecimal roas, @Nullable Interval roasInterval,
            @Nullable Double pValue) {
    }

    public record Interval(BigDecimal low, BigDecimal high) {
    }

    /**
     * The objective's progress: its metric's value now against the target, and the share of the time to the
     * deadline that has passed; AT_RISK below 80 % of the pro-rata target (the handbooks' review trigger).
     *
     * @param baseline the metric shop-wide (not attributed) over the same length of time before the start, for
     *                 judging whether the target is achievable; null for INCREMENTAL_GMV
     */
    public record Progress(CampaignMetric metric, BigDecimal target, @Nullable BigDecimal actual,
            @Nullable Double share, double elapsed, State state, @Nullable BigDecimal baseline) {

        public enum State {
            NOT_STARTED, ON_TRACK, AT_RISK, ACHIEVED, MISSED
        }
    }

    /** Attributed orders by the channel their UTM source names; {@code seq} −1 for orders without a channel's. */
    public record ChannelFigures(int seq, String name, @Nullable String utmSource, Money budget, Money spend,
            long orders, Money gmv, @Nullable BigDecimal roas) {
    }

    /** A linked promotion's or coupon template's discount on the attributed orders. */
    public record LinkFigures(String kind, long id, String code, String name, long orders, Money discount) {
    }

    public record Day(LocalDate day, long orders, Money gmv, Money discount, Money spend) {
    }
}
