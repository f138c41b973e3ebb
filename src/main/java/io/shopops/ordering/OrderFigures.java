package io.shopops.ordering;

import java.time.Instant;
import java.util.List;

import io.shopops.customer.CustomerId;
import io.shopops.ordering.internal.OrderFigureRepository;
import io.shopops.shared.Money;
import io.shopops.shared.Violations;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The money figures of paid orders, one row each, for reports that attribute orders to something outside ordering
 * (marketing's campaign report): what the order paid, what its goods paid and cost, where the customer came from
 * and whether it was the customer's first paid order. Read-only.
 */
@Service
public class OrderFigures {

    public static final int MAX_ORDERS = 500_000;

    private final OrderFigureRepository figures;

    OrderFigures(OrderFigureRepository figures) {
        this.figures = figures;
    }

    /**
     * One paid order (the GMV definition of docs/metrics.md: paid and not cancelled).
     *
     * @param goodsPaid  Σ its lines' payable amounts (after every discount; shipping left out)
     * @param goodsCost  Σ its lines' cost price × quantity
     * @param firstOrder no paid order of the same customer was placed before it
     */
    public record Figure(OrderId orderId, CustomerId customerId, Instant placedAt, SalesChannel channel,
            @Nullable String utmSource, @Nullable String utmCampaign, @Nullable String campaignCode, Money total, Money goodsPaid, Money goodsCost,
            Money refunded, boolean firstOrder) {
    }

    /** The paid orders placed in a period, in sums: GMV, orders, distinct buyers, buyers whose first paid order it was. */
    public record Totals(java.math.BigDecimal gmv, long orders, long buyers, long newBuyers) {
    }

    /** {@link Totals} of the paid orders placed in [from, to), counted by the database. */
    @Transactional(readOnly = true)
    public Totals paidTotalsBetween(Instant from, Instant to) {
        Violations v = new Violations();
        v.check(to.isAfter(from), "to", "must be after from");
        v.throwIfAny();
        return figures.paidTotalsBetween(from, to);
    }

    /** Paid orders placed in [from, to), oldest first, at most {@code limit} (≤ {@value #MAX_ORDERS}). */
    @Transactional(readOnly = true)
    public List<Figure> paidPlacedBetween(Instant from, Instant to, int limit) {
        Violations v = new Violations();
        v.check(to.isAfter(from), "to", "must be after from");
        v.check(limit >= 1 && limit <= MAX_ORDERS, "limit", "must be between 1 and " + MAX_ORDERS);
        v.throwIfAny();
        return figures.paidPlacedBetween(from, to, limit);
    }
}
