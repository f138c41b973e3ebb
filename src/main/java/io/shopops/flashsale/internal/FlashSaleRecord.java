package io.shopops.flashsale.internal;

import java.time.Instant;

import io.shopops.flashsale.FlashSaleId;
import io.shopops.flashsale.FlashSaleStatus;
import org.jspecify.annotations.Nullable;

/** A session's row as stored. */
public record FlashSaleRecord(FlashSaleId id, String name, Instant startsAt, Instant endsAt, int payWindowMinutes,
        FlashSaleStatus status, String createdBy, Instant createdAt, Instant updatedAt, @Nullable String scheduledBy,
        @Nullable Instant scheduledAt, @Nullable Instant closedAt, @Nullable String cancelReason, long version) {

    /** Whether attempts are accepted at {@code now}: scheduled, and {@code now} in [start, end). */
    public boolean runningAt(Instant now) {
        return status == FlashSaleStatus.SCHEDULED && !now.isBefore(startsAt) && now.isBefore(endsAt);
    }
}
