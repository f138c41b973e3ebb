package io.shopops.aftersales;

import java.time.Instant;

import io.shopops.ordering.OrderId;
import org.jspecify.annotations.Nullable;

/** Staff approved or rejected a request (or the customer withdrew it: {@code outcome} CANCELLED). */
public record AfterSalesDecided(AfterSalesId requestId, String requestNo, OrderId orderId, AfterSalesStatus outcome,
        @Nullable String note, Instant decidedAt) {
}
