package io.shopops.marketing;

import java.time.Instant;

/**
 * Another published promotion whose window and items overlap this one's. {@code blocking}: the same kind on the
 * same items (which price would hold is ambiguous), so the promotion cannot be published; otherwise they stack
 * through the price chain and the operator is only warned.
 */
public record PromotionConflict(PromotionId otherId, String otherCode, String otherName, PromotionKind otherKind,
        Instant from, Instant to, boolean blocking, String reason) {
}
