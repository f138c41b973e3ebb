package io.shopops.payment;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** Filters of the payment list; days are the shop's days and both ends are included. Nulls match everything. */
public record PaymentQuery(@Nullable PaymentStatus status, @Nullable String reference, @Nullable String providerCode,
        @Nullable LocalDate from, @Nullable LocalDate to) {

    public static PaymentQuery all() {
        return new PaymentQuery(null, null, null, null, null);
    }
}
