package io.shopops.ordering.internal;

import java.math.BigDecimal;
import java.time.Instant;

import io.shopops.ordering.OrderStatus;
import io.shopops.ordering.SalesChannel;
import org.jspecify.annotations.Nullable;

/** The staff list's filters as the repository applies them (every one optional; ranges are [from, to)). */
public record OrderFilter(@Nullable OrderStatus status, @Nullable Instant placedFrom, @Nullable Instant placedTo,
        @Nullable BigDecimal minTotal, @Nullable BigDecimal maxTotal, @Nullable SalesChannel channel,
        @Nullable Long customerId, @Nullable Boolean abnormal, @Nullable String orderNumber) {
}
