package io.shopops.fulfilment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import io.shopops.fulfilment.internal.ShipmentRepository;
import io.shopops.shared.Money;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.ShopProperties;
import io.shopops.shared.Violations;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How deliveries keep their promises: the open shipments that are late or stuck now, and for a period the on-time
 * delivery rate, the average delivery time and the logistics cost, overall and per carrier (docs/metrics.md).
 */
@Service
public class DeliveryPerformance {

    /** The period a report covers when none is given. */
    public static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    private final ShipmentRepository shipments;
    private final ShopProperties shop;
    private final FulfilmentSupport support;

    DeliveryPerformance(ShipmentRepository shipments, ShopProperties shop, FulfilmentSupport support) {
        this.shipments = shipments;
        this.shop = shop;
        this.support = support;
    }

    /**
     * Open shipments that are late (past their promise) or stuck (with the carrier and no tracking event for the
     * configured time, {@code shopops.fulfilment.stuck-after}), the earliest promise first.
     */
    @Transactional(readOnly = true)
    public Page<ShipmentView> lateOrStuck(PageQuery page) {
        return shipments.lateOrStuck(support.asOf(support.now()), page);
    }

    /** The hours after which a shipment with its carrier and no news counts as stuck. */
    public long stuckAfterHours() {
        return support.stuckAfter().toHours();
    }

    /**
     * Delivery figures of the shipments signed for in {@code [from, to)}: without {@code to} until now, without
     * {@code from} the {@link #DEFAULT_PERIOD} before {@code to}. 400 unless from is before to.
     */
    @Transactional(readOnly = true)
    public DeliveryPerformanceReport report(@Nullable Instant from, @Nullable Instant to) {
        Instant end = to != null ? to : support.now();
        Instant start = from != null ? from : end.minus(DEFAULT_PERIOD);
        Violations v = new Violations();
        v.check(start.isBefore(end), "to", "must be after from");
        v.throwIfAny();
        Currency currency = shop.currency();
        List<DeliveryPerformanceReport.Figures> byCarrier = new ArrayList<>();
        long delivered = 0;
        long onTime = 0;
        long transit = 0;
        BigDecimal cost = BigDecimal.ZERO;
        for (ShipmentRepository.DeliveredSums sums : shipments.deliveredSums(start, end, currency)) {
            byCarrier.add(figures(sums.carrier(), sums.delivered(), sums.onTime(), sums.transitSeconds(), sums.cost(),
                    currency));
            delivered += sums.delivered();
            onTime += sums.onTime();
            transit += sums.transitSeconds();
            cost = cost.add(sums.cost());
        }
        return new DeliveryPerformanceReport(start, end, figures(null, delivered, onTime, transit, cost, currency),
                byCarrier);
    }

    private static DeliveryPerformanceReport.Figures figures(@Nullable String carrier, long delivered, long onTime,
            long transitSeconds, BigDecimal cost, Currency currency) {
        Money total = Money.of(cost, currency);
        if (delivered == 0) {
            return new DeliveryPerformanceReport.Figures(carrier, 0, 0, 0, null, null, total, null);
        }
        BigDecimal count = BigDecimal.valueOf(delivered);
        return new DeliveryPerformanceReport.Figures(carrier, delivered, onTime, delivered - onTime,
                BigDecimal.valueOf(onTime).divide(count, 4, RoundingMode.HALF_UP),
                BigDecimal.valueOf(transitSeconds).divide(count.multiply(SECONDS_PER_HOUR), 1, RoundingMode.HALF_UP),
                total, Money.of(cost.divide(count, currency.getDefaultFractionDigits(), RoundingMode.HALF_UP),
                        currency));
    }
}
