package io.shopops.aftersales;

import java.time.LocalDate;

import io.shopops.customer.CustomerId;
import org.jspecify.annotations.Nullable;

/** Filters for the staff's list; days are in the shop's zone, both ends included. */
public record AfterSalesQuery(@Nullable AfterSalesStatus status, @Nullable AfterSalesKind kind,
        @Nullable AfterSalesReason reason, @Nullable String orderNumber, @Nullable CustomerId customerId,
        @Nullable LocalDate requestedFrom, @Nullable LocalDate requestedTo) {

    public static AfterSalesQuery all() {
        return new AfterSalesQuery(null, null, null, null, null, null, null);
    }
}
