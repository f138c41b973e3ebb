package io.shopops.marketing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.shopops.marketing.internal.CampaignRecord;
import io.shopops.marketing.internal.CampaignRepository;
import io.shopops.marketing.internal.Uplift;
import io.shopops.ordering.OrderFigures;
import io.shopops.shared.Money;
import io.shopops.shared.ShopProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign's report, computed from the ledger each time it is asked for (orders, discounts and spend as they are
 * now; nothing cached that could disagree). Every figure is defined in docs/metrics.md (Campaigns).
 */
@Service
public class CampaignReports {

    static final double CONFIDENCE = 0.95;
    /** Below this share of the pro-rata target the objective is at risk (the handbooks' review trigger). */
    static final double ON_TRACK_SHARE = 0.8;

    private final Campaigns campaigns;
    private final CampaignRepository repository;
    private final OrderFigures figures;
    private final ShopProperties shop;
    private final Clock clock;

    CampaignReports(Campaigns campaigns, CampaignRepository repository, OrderFigures figures, ShopProperties shop,
            Clock clock) {
        this.campaigns = campaigns;
        this.repository = repository;
        this.figures = figures;
        this.shop = shop;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public CampaignReport report(CampaignId id) {
        CampaignRecord c = campaigns.record(id);
        CampaignView view = campaigns.view(c);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant from = c.startsAt();
        Instant until = c.measuredUntil();
        Instant asOf = now.isBefore(until) ? now : until;
        Money zero = Money.zero(shop.currency());
        List<OrderFigures.Figure> orders = asOf.isAfter(from)
                ? figures.paidPlacedBetween(from, asOf, OrderFigures.MAX_ORDERS) : List.of();
        boolean truncated = orders.size() == OrderFigures.MAX_ORDERS;

        // the campaign's own discounts, per order and per promotion or coupon template
        Map<Long, Money> discountByOrder = new HashMap<>();
        Map<String, Money> discountByLink = new HashMap<>();
        Map<String, Set<Long>> ordersByLink = new HashMap<>();
        Set<Long> inWindow = new HashSet<>();
        orders.forEach(o -> inWindow.add(o.orderId().value()));
        for (CampaignRepository.LinkedDiscount d : repository.linkedDiscounts(c.code())) {
            if (!inWindow.contains(d.orderId())) {
                continue;
            }
            Money amount = Money.of(d.amount(), shop.currency());
            discountByOrder.merge(d.orderId(), amount, Money::plus);
            String link = d.kind() + ":" + d.linkId();
            discountByLink.merge(link, amount, Money::plus);
            ordersByLink.computeIfAbsent(link, k -> new HashSet<>()).add(d.orderId());
        }

        // attributed orders: they carry the code, or one of the campaign's discounts
        long count = 0;
        Set<Long> buyers = new HashSet<>();
        Set<Long> newBuyers = new HashSet<>();
        Money gmv = zero;
        Money goodsPaid = zero;
        Money goodsCost = zero;
        Money discount = zero;
        Map<String, long[]> channelOrders = new HashMap<>();
        Map<String, Money> channelGmv = new HashMap<>();
        Map<LocalDate, Money[]> days = new TreeMap<>();
        Map<LocalDate, long[]> dayOrders = new TreeMap<>();
        for (OrderFigures.Figure o : orders) {
            Money own = discountByOrder.get(o.orderId().value());
            if (!carries(o, c.code()) && own == null) {
                continue;
            }
            own = own == null ? zero : own;
            count++;
            buyers.add(o.customerId().value());
            if (o.firstOrder()) {
                newBuyers.add(o.customerId().value());
            }
            gmv = gmv.plus(o.total());
            goodsPaid = goodsPaid.plus(o.goodsPaid());
            goodsCost = goodsCost.plus(o.goodsCost());
            discount = discount.plus(own);
            String source = o.utmSource() == null ? "" : o.utmSource().trim().toLowerCase(Locale.ROOT);
            channelOrders.computeIfAbsent(source, k -> new long[1])[0]++;
            channelGmv.merge(source, o.total(), Money::plus);
            LocalDate day = o.placedAt().atZone(shop.zone()).toLocalDate();
            Money[] money = days.computeIfAbsent(day, k -> new Money[] {zero, zero});
            money[0] = money[0].plus(o.total());
            money[1] = money[1].plus(own);
            dayOrders.computeIfAbsent(day, k -> new long[1])[0]++;
        }
        Money grossMargin = goodsPaid.minus(goodsCost).plus(discount);
        Money spend = view.spent();
        Money cost = spend.plus(discount);
        BigDecimal roi = cost.isZero() ? null : ratio(grossMargin.minus(cost).amount(), cost.amount());
        BigDecimal roas = spend.isZero() ? null : ratio(gmv.amount(), spend.amount());

        long reach;
        CampaignReport.Incremental incremental = null;
        if (c.targeted()) {
            reach = view.treatmentSize();
            if (c.stored() != CampaignRecord.Stored.DRAFT) {
                incremental = incremental(c, orders, discountByOrder, spend, discount);
            }
        } else {
            Set<Long> reached = new HashSet<>(buyers);
            reached.addAll(repository.couponHolders(c.code()));
            reach = reached.size();
        }

        List<CampaignReport.ChannelFigures> channels = new ArrayList<>();
        Set<String> named = new HashSet<>();
        for (CampaignView.Channel ch : view.channels()) {
            String source = ch.utmSource().toLowerCase(Locale.ROOT);
            named.add(source);
            Money channelMoney = channelGmv.getOrDefault(source, zero);
            channels.add(new CampaignReport.ChannelFigures(ch.seq(), ch.name(), ch.utmSource(), ch.budget(), ch.spent(),
                    channelOrders.getOrDefault(source, new long[1])[0], channelMoney,
                    ch.spent().isZero() ? null : ratio(channelMoney.amount(), ch.spent().amount())));
        }
        long otherOrders = 0;
        Money otherGmv = zero;
        for (Map.Entry<String, long[]> e : channelOrders.entrySet()) {
            if (!named.contains(e.getKey())) {
                otherOrders += e.getValue()[0];
                otherGmv = otherGmv.plus(channelGmv.get(e.getKey()));
            }
        }
        if (otherOrders > 0) {
            channels.add(new CampaignReport.ChannelFigures(-1, "", null, zero, zero, otherOrders, otherGmv, null));
        }

        List<CampaignReport.LinkFigures> links = new ArrayList<>();
        for (CampaignView.Link link : view.links()) {
            String key = link.kind() + ":" + link.id();
            links.add(new CampaignReport.LinkFigures(link.kind(), link.id(), link.code(), link.name(),
                    ordersByLink.getOrDefault(key, Set.of()).size(), discountByLink.getOrDefault(key, zero)));
        }

        Map<LocalDate, BigDecimal> spendByDay = repository.spentByDay(c.id());
        Set<LocalDate> allDays = new java.util.TreeSet<>(days.keySet());
        allDays.addAll(spendByDay.keySet());
        List<CampaignReport.Day> series = new ArrayList<>();
        for (LocalDate day : allDays) {
            Money[] money = days.getOrDefault(day, new Money[] {zero, zero});
            series.add(new CampaignReport.Day(day, dayOrders.getOrDefault(day, new long[1])[0], money[0], money[1],
                    Money.of(spendByDay.getOrDefault(day, BigDecimal.ZERO), shop.currency())));
        }

        CampaignReport.Progress progress = progress(c, now, switch (c.metric()) {
            case GMV -> gmv.amount();
            case ORDERS -> BigDecimal.valueOf(count);
            case BUYERS -> BigDecimal.valueOf(buyers.size());
            case NEW_BUYERS -> BigDecimal.valueOf(newBuyers.size());
            case INCREMENTAL_GMV -> incremental == null ? null : incremental.incrementalGmv().amount();
        });
        return new CampaignReport(view, from, until, asOf, reach, count, buyers.size(), newBuyers.size(), gmv,
                count == 0 ? null : Money.of(gmv.amount().divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP),
                        shop.currency()), goodsPaid, goodsCost, discount, grossMargin, spend, view.budget(), roi, roas,
                incremental, progress, channels, links, series, truncated);
    }

    /** Whether the order came with the campaign's code (its campaign code or its utm_campaign). */
    private static boolean carries(OrderFigures.Figure o, String code) {
        return code.equalsIgnoreCase(o.campaignCode() == null ? null : o.campaignCode().trim())
                || code.equalsIgnoreCase(o.utmCampaign() == null ? null : o.utmCampaign().trim());
    }

    /**
     * Every paid order of the audience's members in the window, treatment against hold-out: GMV and gross margin
     * (before the campaign's own discounts) per member, members without orders counting 0.
     */
    private CampaignReport.Incremental incremental(CampaignRecord c, List<OrderFigures.Figure> orders, Map<Long, Money> discountByOrder,
            Money spend, Money discount) {
        Map<Long, Boolean> members = repository.members(c.id());
        Map<Long, long[]> perMember = new HashMap<>();
        for (OrderFigures.Figure o : orders) {
            if (!members.containsKey(o.customerId().value())) {
                continue;
            }
            long[] money = perMember.computeIfAbsent(o.customerId().value(), k -> new long[2]);
            Money own = discountByOrder.get(o.orderId().value());
            money[0] += o.total().minorUnits();
            money[1] += o.goodsPaid().minus(o.goodsCost()).minorUnits() + (own == null ? 0 : own.minorUnits());
        }
        Uplift.Group gmvT = Uplift.Group.empty();
        Uplift.Group gmvH = Uplift.Group.empty();
        Uplift.Group marginT = Uplift.Group.empty();
        Uplift.Group marginH = Uplift.Group.empty();
        long buyersT = 0;
        long buyersH = 0;
        for (Map.Entry<Long, Boolean> member : members.entrySet()) {
            long[] money = perMember.getOrDefault(member.getKey(), new long[2]);
            double gmvYuan = money[0] / 100.0;
            double marginYuan = money[1] / 100.0;
            if (member.getValue()) {
                gmvH = gmvH.add(gmvYuan);
                marginH = marginH.add(marginYuan);
                buyersH += perMember.containsKey(member.getKey()) ? 1 : 0;
            } else {
                gmvT = gmvT.add(gmvYuan);
                marginT = marginT.add(marginYuan);
                buyersT += perMember.containsKey(member.getKey()) ? 1 : 0;
            }
        }
        long nT = gmvT.n();
        long nH = gmvH.n();
        Uplift.Estimate gmvDiff = Uplift.meanDifference(gmvT, gmvH, CONFIDENCE);
        Uplift.Estimate marginDiff = Uplift.meanDifference(marginT, marginH, CONFIDENCE);
        Money incrementalGmv = money(gmvDiff.difference() * nT);
        Money incrementalMargin = money(marginDiff.difference() * nT);
        CampaignReport.Interval gmvInterval = scaled(gmvDiff, nT, 0, 2);
        CampaignReport.Interval marginInterval = scaled(marginDiff, nT, 0, 2);
        double costs = spend.plus(discount).amount().doubleValue();
        // iROI = (incremental margin before the campaign's discounts − spend − discount cost) / (spend + discount)
        BigDecimal roi = costs == 0 ? null : ratio(incrementalMargin.minus(spend).minus(discount).amount(),
                spend.plus(discount).amount());
        CampaignReport.Interval roiInterval = costs == 0 ? null : scaled(marginDiff, nT / costs, -1, 4);
        BigDecimal roas = spend.isZero() ? null : ratio(incrementalGmv.amount(), spend.amount());
        CampaignReport.Interval roasInterval = spend.isZero() ? null
                : scaled(gmvDiff, nT / spend.amount().doubleValue(), 0, 4);
        return new CampaignReport.Incremental(nT, nH, buyersT, buyersH,
                nT == 0 ? 0 : (double) buyersT / nT, nH == 0 ? 0 : (double) buyersH / nH, money(gmvT.sum() / Math.max(1, nT)),
                money(gmvH.sum() / Math.max(1, nH)), incrementalGmv, gmvInterval, incrementalMargin, marginInterval,
                roi, roiInterval, roas, roasInterval, gmvDiff.p());
    }

    /** The estimate's interval × factor + offset, rounded to {@code places} decimals. */
    private static CampaignReport.@Nullable Interval scaled(Uplift.Estimate e, double factor, double offset,
            int places) {
        if (e.low() == null || e.high() == null) {
            return null;
        }
        return new CampaignReport.Interval(
                BigDecimal.valueOf(e.low() * factor + offset).setScale(places, RoundingMode.HALF_UP),
                BigDecimal.valueOf(e.high() * factor + offset).setScale(places, RoundingMode.HALF_UP));
    }

    private Money money(double yuan) {
        return Money.of(BigDecimal.valueOf(yuan).setScale(2, RoundingMode.HALF_UP), shop.currency());
    }

    private static BigDecimal ratio(BigDecimal a, BigDecimal b) {
        return a.divide(b, 4, RoundingMode.HALF_UP);
    }

    private CampaignReport.Progress progress(CampaignRecord c, Instant now, @Nullable BigDecimal actual) {
        double span = Duration.between(c.startsAt(), c.deadline()).toMillis();
        double elapsed = Math.max(0, Math.min(1, Duration.between(c.startsAt(), now).toMillis() / span));
        Double share = actual == null ? null : actual.divide(c.target(), 4, RoundingMode.HALF_UP).doubleValue();
        CampaignReport.Progress.State state;
        if (c.stored() == CampaignRecord.Stored.DRAFT || now.isBefore(c.startsAt())) {
            state = CampaignReport.Progress.State.NOT_STARTED;
        } else if (share != null && share >= 1) {
            state = CampaignReport.Progress.State.ACHIEVED;
        } else if (!now.isBefore(c.deadline())) {
            state = CampaignReport.Progress.State.MISSED;
        } else if (share == null || share < ON_TRACK_SHARE * elapsed) {
            state = CampaignReport.Progress.State.AT_RISK;
        } else {
            state = CampaignReport.Progress.State.ON_TRACK;
        }
        return new CampaignReport.Progress(c.metric(), c.target(), actual, share, elapsed, state, baseline(c));
    }

    /** The metric shop-wide over the same length of time just before the start (at most 90 days). */
    private @Nullable BigDecimal baseline(CampaignRecord c) {
        if (c.metric() == CampaignMetric.INCREMENTAL_GMV) {
            return null;
        }
        Duration length = Duration.between(c.startsAt(), c.deadline());
        if (length.compareTo(Duration.ofDays(90)) > 0) {
            length = Duration.ofDays(90);
        }
        OrderFigures.Totals before = figures.paidTotalsBetween(c.startsAt().minus(length), c.startsAt());
        return switch (c.metric()) {
            case GMV -> before.gmv();
            case ORDERS -> BigDecimal.valueOf(before.orders());
            case BUYERS -> BigDecimal.valueOf(before.buyers());
            case NEW_BUYERS -> BigDecimal.valueOf(before.newBuyers());
            case INCREMENTAL_GMV -> null;
        };
    }
}
