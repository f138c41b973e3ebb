package io.shopops.ordering;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.shopops.customer.CustomerId;
import org.jspecify.annotations.Nullable;

/**
 * The staff list's filters, every one optional: status, the days orders were placed on (the shop's days,
 * both inclusive), the total's range (inclusive), channel, customer, the abnormal flag and part of the number.
 */
public record OrderQuery(@Nullable OrderStatus status, @Nullable LocalDate placedFrom, @Nullable LocalDate placedTo,
        @Nullable BigDecimal minTotal, @Nullable BigDecimal maxTotal, @Nullable SalesChannel channel,
        @Nullable CustomerId customerId, @Nullable Boolean abnormal, @Nullable String orderNumber) {

    public static OrderQuery all() {
        return new OrderQuery(null, null, null, null, null, null, null, null, null);
    }
}
