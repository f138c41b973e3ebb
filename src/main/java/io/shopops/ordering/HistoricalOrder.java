package io.shopops.ordering;

import java.time.Instant;
import java.util.List;

import io.shopops.catalog.SkuId;
import io.shopops.customer.CustomerId;
import io.shopops.fulfilment.ShipmentId;
import io.shopops.inventory.ReservationId;
import io.shopops.inventory.WarehouseId;
import io.shopops.payment.PaymentId;
import io.shopops.payment.RefundId;
import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * An order as it went, for {@link OrderImport#importHistorical}: what checkout, the payment, fulfilment and the
 * jobs record step by step, given at once. The status says how far it got; each status reached needs its time
 * (PAID and later {@code paidAt} and a {@code payment}, ALLOCATED and later {@code allocatedAt} and a shipment per
 * parcel, SHIPPED and later {@code shippedAt} and every parcel dispatched, DELIVERED and later {@code deliveredAt}
 * and every parcel delivered, COMPLETED {@code completedAt}; CANCELLED a {@code cancellation}), times not reached are
 * not given, and the times are in order and not in the future. UNDER_REVIEW is not imported: a review is a live
 * decision.
 *
 * @param id          and {@code orderNumber}: as {@link OrderImport#numbers} handed them out for {@code placedAt}
 * @param lines       one per SKU and warehouse, priced as the customer paid (the catalog names the SKU)
 * @param rules       the applied price rules: the discounts (adding up to the lines' discounts) and exactly one
 *                    shipping rule, whose amount is the shipping fee
 * @param payment     the captured payment of the order's total, given once paid (also for a cancelled order that
 *                    was paid)
 * @param refunds     the successful refunds of that payment
 * @param parcels     one per warehouse the lines come from: the reservation that held the stock, the shipment
 */
public record HistoricalOrder(@Nullable OrderId id, @Nullable String orderNumber, @Nullable CustomerId customerId,
        @Nullable SalesChannel channel, @Nullable Attribution attribution, @Nullable Destination destination,
        @Nullable String customerNote, @Nullable List<Line> lines, @Nullable List<AppliedRule> rules,
        @Nullable OrderStatus status, @Nullable Instant placedAt, @Nullable Instant paidAt,
        @Nullable Instant allocatedAt, @Nullable Instant shippedAt, @Nullable Instant deliveredAt,
        @Nullable Instant completedAt, @Nullable Cancellation cancellation, @Nullable Payment payment,
        @Nullable List<Refund> refunds, @Nullable List<Parcel> parcels) {

    /**
     * A line: {@code quantity} units of the SKU from the warehouse at {@code unitPrice}, less its share of the
     * discounts; {@code refunded} (at most what the line cost) and {@code returnedQuantity} (at most its quantity)
     * are what after-sales gave back for it.
     */
    public record Line(@Nullable SkuId skuId, int quantity, @Nullable Money unitPrice, @Nullable Money discount,
            @Nullable WarehouseId warehouseId, @Nullable Money refunded, int returnedQuantity) {
    }

    /** Who cancelled the order, when and why. */
    public record Cancellation(@Nullable Instant at, OrderCancelled.@Nullable CancelledBy by, @Nullable String reason) {
    }

    /** The payment the payment module recorded (its id), as the provider reported it. */
    public record Payment(@Nullable PaymentId paymentId, @Nullable String providerCode,
            @Nullable String providerTransactionId) {
    }

    /** A refund the payment module recorded (its id) as succeeded. */
    public record Refund(@Nullable RefundId refundId, @Nullable Money amount, @Nullable Instant refundedAt) {
    }

    /**
     * A warehouse's share of the order: the inventory's reservation, the fulfilment's shipment (once allocated), and
     * the parcel's carrier, tracking number and times once it left and was signed for.
     */
    public record Parcel(@Nullable WarehouseId warehouseId, @Nullable ReservationId reservationId,
            @Nullable ShipmentId shipmentId, @Nullable String carrier, @Nullable String trackingNumber,
            @Nullable Instant dispatchedAt, @Nullable Instant deliveredAt) {
    }
}
