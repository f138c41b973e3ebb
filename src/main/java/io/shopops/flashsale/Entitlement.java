package io.shopops.flashsale;

import java.time.Instant;

import io.shopops.catalog.SkuId;
import io.shopops.customer.CustomerId;
import io.shopops.ordering.OrderId;
import org.jspecify.annotations.Nullable;

/**
 * What the gate gave a customer: {@code quantity} units of a session's SKU at its flash price, to be ordered by
 * {@code expiresAt} (through the normal checkout, which applies the flash price) and then paid by {@code payBy}.
 *
 * @param usedQuantity the units the order bought at the flash price (the rest went back to the quota)
 */
public record Entitlement(EntitlementId id, FlashSaleId saleId, SkuId skuId, CustomerId customerId, int quantity,
        EntitlementStatus status, Instant acceptedAt, Instant expiresAt, @Nullable OrderId orderId,
        @Nullable String orderNumber, @Nullable Integer usedQuantity, @Nullable Instant usedAt,
        @Nullable Instant payBy, @Nullable Instant paidAt, @Nullable Instant closedAt) {

    /** The reference the price chain gives the flash discount ({@code flash:42}), to find it again at redemption. */
    public String reference() {
        return FlashSaleDiscount.REFERENCE_PREFIX + id.value();
    }
}
