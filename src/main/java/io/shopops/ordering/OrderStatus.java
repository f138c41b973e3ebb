package io.shopops.ordering;

import java.util.EnumSet;
import java.util.Set;

/**
 * The order's lifecycle (訂單處理流程: 下單 → 支付 → 審核 → 揀貨打包 → 發貨 → 簽收). Each state names the states
 * it may move to; anything else is refused. CANCELLED is reachable until the first shipment leaves; after that,
 * money and goods go back through after-sales, not cancellation.
 */
public enum OrderStatus {

    /** Placed, stock reserved, waiting for the customer to pay (30 minutes by default). */
    PENDING_PAYMENT,
    /** Paid; about to be allocated to shipments, or held for review. */
    PAID,
    /** Held by risk control or staff before fulfilment (optional). */
    UNDER_REVIEW,
    /** Shipments created for its warehouses; picking and packing. */
    ALLOCATED,
    /** Some but not all shipments have left. */
    PARTIALLY_SHIPPED,
    /** Every shipment has left. */
    SHIPPED,
    /** Every shipment has been signed for (簽收). */
    DELIVERED,
    /** Closed after delivery: no more after-sales by default. */
    COMPLETED,
    /** Cancelled before anything shipped; reserved stock released, payment refunded if any. */
    CANCELLED;

    public Set<OrderStatus> next() {
        return switch (this) {
            case PENDING_PAYMENT -> EnumSet.of(PAID, CANCELLED);
            case PAID -> EnumSet.of(UNDER_REVIEW, ALLOCATED, CANCELLED);
            case UNDER_REVIEW -> EnumSet.of(ALLOCATED, CANCELLED);
            case ALLOCATED -> EnumSet.of(PARTIALLY_SHIPPED, SHIPPED, CANCELLED);
            case PARTIALLY_SHIPPED -> EnumSet.of(SHIPPED);
            case SHIPPED -> EnumSet.of(DELIVERED);
            case DELIVERED -> EnumSet.of(COMPLETED);
            case COMPLETED, CANCELLED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    public boolean canMoveTo(OrderStatus target) {
        return next().contains(target);
    }

    /** Whether the customer has paid for the order (it counts towards GMV from here on). */
    public boolean isPaid() {
        return this != PENDING_PAYMENT && this != CANCELLED;
    }

    public boolean isFinal() {
        return this == COMPLETED || this == CANCELLED;
    }
}
