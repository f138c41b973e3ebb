package io.shopops.marketing.internal;

import java.time.Instant;

import io.shopops.marketing.CouponTemplateId;
import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/** A coupon as stored: status AVAILABLE, USED or VOID (expiry follows from {@code validUntil}). */
public record CouponRecord(long id, CouponTemplateId templateId, long customerId, String code, String status,
        String source, Instant issuedAt, Instant validFrom, Instant validUntil, @Nullable Long orderId,
        @Nullable Instant usedAt, @Nullable Money discount) {
}
