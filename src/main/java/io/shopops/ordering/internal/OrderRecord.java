package io.shopops.ordering.internal;

import java.time.Instant;

import io.shopops.ordering.Attribution;
import io.shopops.ordering.OrderId;
import io.shopops.ordering.OrderStatus;
import io.shopops.ordering.SalesChannel;
import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * An order's row as stored. The destination's recipient, phone and detail are in their encrypted form; the
 * facade decrypts them for whoever may see them.
 */
public record OrderRecord(OrderId id, String orderNumber, long customerId, OrderStatus status, SalesChannel channel,
        Money itemsAmount, Money discountAmount, Money shippingFee, Money total, Money paidAmount,
        Money refundedAmount, StoredDestination destination, @Nullable String customerNote, Attribution attribution,
        boolean abnormal, @Nullable String abnormalReason, Instant paymentDeadline, Instant placedAt,
        @Nullable Instant paidAt, @Nullable Instant allocatedAt, @Nullable Instant shippedAt,
        @Nullable Instant deliveredAt, @Nullable Instant completedAt, @Nullable Instant cancelledAt,
        @Nullable String cancelReason, Instant updatedAt, long version) {

    /** The destination as stored: recipient, phone and detail encrypted. */
    public record StoredDestination(String recipient, String phone, String province, String city, String district,
            String detail, @Nullable String postalCode) {
    }
}
