package io.shopops.ordering;

import java.time.Instant;
import java.util.List;

import io.shopops.catalog.ProductId;
import io.shopops.catalog.SkuId;
import io.shopops.customer.CustomerId;
import io.shopops.inventory.ReservationId;
import io.shopops.inventory.WarehouseId;
import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * An order as staff see it: lines with their cost and warehouse, the destination masked, where the customer came
 * from, the abnormal flag, the warehouses serving it, every payment and refund seen for it, and the whole
 * timeline with notes.
 */
public record OrderDetail(OrderId id, String orderNumber, CustomerId customerId, OrderStatus status,
        SalesChannel channel, Money itemsAmount, Money discountAmount, Money shippingFee, Money total,
        Money paidAmount, Money refundedAmount, List<Line> lines, List<AppliedRule> priceRules,
        Destination destination, @Nullable String customerNote, Attribution attribution, boolean abnormal,
        @Nullable String abnormalReason, Instant placedAt, Instant paymentDeadline, @Nullable Instant paidAt,
        @Nullable Instant allocatedAt, @Nullable Instant shippedAt, @Nullable Instant deliveredAt,
        @Nullable Instant completedAt, @Nullable Instant cancelledAt, @Nullable String cancelReason,
        List<AllocationView> allocations, List<PaymentView> payments, List<RefundView> refunds,
        List<TimelineEntry> timeline, long version) {

    public OrderDetail {
        lines = List.copyOf(lines);
        priceRules = List.copyOf(priceRules);
        allocations = List.copyOf(allocations);
        payments = List.copyOf(payments);
        refunds = List.copyOf(refunds);
        timeline = List.copyOf(timeline);
    }

    public record Line(int lineNo, SkuId skuId, String skuCode, ProductId productId, String title,
            @Nullable String spec, int quantity, Money unitPrice, Money discount, Money payable, Money costPrice,
            WarehouseId warehouseId, Money refundedAmount, int returnedQuantity) {
    }

    /** A warehouse serving the order: its reservation, its shipment once created, and the parcel's progress. */
    public record AllocationView(WarehouseId warehouseId, ReservationId reservationId, @Nullable Long shipmentId,
            String status, @Nullable String carrier, @Nullable String trackingNumber, @Nullable Instant dispatchedAt,
            @Nullable Instant deliveredAt) {
    }

    /**
     * A captured payment: ACCEPTED as the order's payment, or REFUND_DUE (it came for a cancelled or already
     * paid order, and is given back in full).
     */
    public record PaymentView(long paymentId, Money amount, String providerCode, @Nullable String providerTransactionId,
            Instant paidAt, String outcome) {
    }

    public record RefundView(long refundId, long paymentId, Money amount, Instant refundedAt) {
    }
}
