package io.shopops.aftersales.internal;

import java.time.Instant;

import io.shopops.aftersales.AfterSalesKind;
import io.shopops.aftersales.AfterSalesReason;
import io.shopops.aftersales.AfterSalesStatus;
import org.jspecify.annotations.Nullable;

/** The list's filters as the repository applies them (every one optional; the time range is [from, to)). */
public record AfterSalesFilter(@Nullable AfterSalesStatus status, @Nullable AfterSalesKind kind,
        @Nullable AfterSalesReason reason, @Nullable String orderNumber, @Nullable Long customerId,
        @Nullable Instant requestedFrom, @Nullable Instant requestedTo) {
}
