package io.shopops.ordering;

import java.time.Instant;
import java.util.List;

import io.shopops.catalog.SkuId;
import io.shopops.customer.CustomerId;
import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * An order was placed: its stock is reserved and it waits for its payment. One line per SKU bought (what each line
 * costs is in the order: the outbox keeps an event in at most 4,000 characters, and 50 lines must fit).
 */
public record OrderPlaced(OrderId orderId, String orderNumber, CustomerId customerId, SalesChannel channel,
        Money total, List<Line> lines, @Nullable String campaignCode, Instant placedAt) {

    public OrderPlaced {
        lines = List.copyOf(lines);
    }

    public record Line(SkuId skuId, int quantity) {
    }
}
