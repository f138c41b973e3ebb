package io.shopops.marketing;

import java.time.Instant;

import io.shopops.customer.CustomerId;
import io.shopops.ordering.OrderId;
import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/** One coupon held by a customer, with what it gives and whether it can still be used. */
public record CouponView(long id, String code, CouponTemplateId templateId, String name, CustomerId customerId,
        CouponStatus status, String source, CouponKind kind, @Nullable Money amountOff,
        java.math.@Nullable BigDecimal percentOff, @Nullable Money maxDiscount, Money threshold, Instant issuedAt,
        Instant validFrom, Instant validUntil, @Nullable OrderId orderId, @Nullable Instant usedAt,
        @Nullable Money discount) {
}
