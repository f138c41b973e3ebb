package io.shopops.aftersales;

import java.time.Instant;
import java.util.List;

import io.shopops.catalog.SkuId;
import io.shopops.customer.CustomerId;
import io.shopops.inventory.WarehouseId;
import io.shopops.ordering.OrderId;
import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * An after-sales request with its lines, the parcel back, the decision, the receipt, the refund and the timeline.
 *
 * @param returnDeadline for an approved return: when it is cancelled unless shipped back
 */
public record AfterSalesView(AfterSalesId id, String requestNo, OrderId orderId, String orderNumber,
        CustomerId customerId, AfterSalesKind kind, AfterSalesReason reason, @Nullable String description,
        List<String> evidenceUrls, AfterSalesStatus status, Money refundAmount, List<Line> lines,
        @Nullable String returnCarrier, @Nullable String returnTrackingNumber, @Nullable String decisionNote,
        @Nullable String decidedBy, @Nullable String receiptNote, RefundProgress refundProgress,
        @Nullable Long refundId, int refundAttempt, @Nullable String refundFailure, Instant requestedAt,
        @Nullable Instant decidedAt, @Nullable Instant returnDeadline, @Nullable Instant returnShippedAt,
        @Nullable Instant receivedAt, @Nullable Instant refundedAt, @Nullable Instant closedAt,
        List<Step> timeline, long version) {

    public AfterSalesView {
        evidenceUrls = List.copyOf(evidenceUrls);
        lines = List.copyOf(lines);
        timeline = List.copyOf(timeline);
    }

    /**
     * One order line of the request.
     *
     * @param warehouseId where the units go back (the warehouse that shipped them)
     * @param restocked   units received back on the shelf
     * @param damaged     units received damaged and written off
     */
    public record Line(int lineNo, SkuId skuId, String skuCode, String title, WarehouseId warehouseId, int quantity,
            Money amount, int restocked, int damaged) {
    }

    /** One step of the request's timeline. */
    public record Step(Instant occurredAt, String type, @Nullable AfterSalesStatus fromStatus,
            @Nullable AfterSalesStatus toStatus, String actor, @Nullable String detail) {
    }
}
