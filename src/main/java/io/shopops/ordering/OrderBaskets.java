package io.shopops.ordering;

import java.time.Instant;
import java.util.List;

import io.shopops.catalog.SkuId;
import io.shopops.customer.CustomerId;
import io.shopops.shared.Money;
import io.shopops.ordering.internal.BasketRepository;
import io.shopops.shared.Violations;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The baskets of past orders, for what-if questions (marketing's dry run of a draft promotion): every order placed
 * in a period and not cancelled, with its lines as they were priced (unit price, the discount they got, what they
 * paid, their cost). Read-only.
 */
@Service
public class OrderBaskets {

    public static final int MAX_ORDERS = 200_000;

    private final BasketRepository baskets;

    OrderBaskets(BasketRepository baskets) {
        this.baskets = baskets;
    }

    public record Basket(OrderId orderId, Instant placedAt, SalesChannel channel, CustomerId customerId,
            List<Line> lines) {
    }

    public record Line(SkuId skuId, int quantity, Money unitPrice, Money discount, Money payable, Money unitCost) {
    }

    /** Orders placed in [from, to), not cancelled, oldest first, at most {@code limit} (≤ {@value #MAX_ORDERS}). */
    @Transactional(readOnly = true)
    public List<Basket> placedBetween(Instant from, Instant to, int limit) {
        Violations v = new Violations();
        v.check(to.isAfter(from), "to", "must be after from");
        v.check(limit >= 1 && limit <= MAX_ORDERS, "limit", "must be between 1 and " + MAX_ORDERS);
        v.throwIfAny();
        return baskets.placedBetween(from, to, limit);
    }
}
