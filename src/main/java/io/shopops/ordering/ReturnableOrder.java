package io.shopops.ordering;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.shopops.catalog.SkuId;
import io.shopops.customer.CustomerId;
import io.shopops.inventory.WarehouseId;
import io.shopops.payment.PaymentId;
import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * An order as after-sales sees it: per line what was paid, what requests have claimed back so far, and whether
 * and when its parcel left and arrived; the payment refunds go back to.
 *
 * @param acceptedPayment the payment the order was paid with, if it was paid
 */
public record ReturnableOrder(OrderId id, String orderNumber, CustomerId customerId, OrderStatus status,
        Money paidAmount, Money refundedAmount, @Nullable Instant paidAt, @Nullable Instant deliveredAt,
        @Nullable Instant completedAt, @Nullable PaymentId acceptedPayment, List<Line> lines) {

    public ReturnableOrder {
        lines = List.copyOf(lines);
    }

    public Optional<Line> line(int lineNo) {
        return lines.stream().filter(l -> l.lineNo() == lineNo).findFirst();
    }

    /**
     * One order line.
     *
     * @param claimedAmount   claimed back by after-sales requests that are open or done
     * @param claimedQuantity units claimed for return by such requests
     * @param dispatchedAt    when the line's parcel left its warehouse (null: not yet)
     * @param deliveredAt     when the line's parcel was signed for (null: not yet)
     */
    public record Line(int lineNo, SkuId skuId, String skuCode, String title, @Nullable String spec, int quantity,
            Money payable, WarehouseId warehouseId, Money claimedAmount, int claimedQuantity, Money refundedAmount,
            int returnedQuantity, @Nullable Instant dispatchedAt, @Nullable Instant deliveredAt) {

        /** What is left to claim back: what was paid for the line less what requests have claimed. */
        public Money refundable() {
            return payable.minus(claimedAmount);
        }

        /** Units left to claim for return. */
        public int returnable() {
            return quantity - claimedQuantity;
        }
    }
}
