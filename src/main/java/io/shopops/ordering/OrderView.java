package io.shopops.ordering;

import java.time.Instant;
import java.util.List;

import io.shopops.catalog.SkuId;
import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * An order as its customer sees it (and as checkout answers): what was bought at what price, where it goes
 * (in full: it is the customer's own address), its parcels and its timeline without the shop's internal notes.
 */
public record OrderView(OrderId id, String orderNumber, OrderStatus status, SalesChannel channel,
        Money itemsAmount, Money discountAmount, Money shippingFee, Money total, Money paidAmount,
        Money refundedAmount, List<Line> lines, List<AppliedRule> priceRules, Destination destination,
        @Nullable String customerNote, Instant placedAt, Instant paymentDeadline, @Nullable Instant paidAt,
        @Nullable Instant shippedAt, @Nullable Instant deliveredAt, @Nullable Instant completedAt,
        @Nullable Instant cancelledAt, @Nullable String cancelReason, List<Parcel> parcels,
        List<TimelineEntry> timeline) {

    public OrderView {
        lines = List.copyOf(lines);
        priceRules = List.copyOf(priceRules);
        parcels = List.copyOf(parcels);
        timeline = List.copyOf(timeline);
    }

    /** One SKU from one warehouse: a SKU served from two warehouses is two lines. */
    public record Line(int lineNo, SkuId skuId, String skuCode, String title, @Nullable String spec, int quantity,
            Money unitPrice, Money discount, Money payable) {
    }

    /** A parcel of the order: one per warehouse serving it. */
    public record Parcel(int parcelNo, String status, @Nullable String carrier, @Nullable String trackingNumber,
            @Nullable Instant dispatchedAt, @Nullable Instant deliveredAt) {
    }
}
