package io.shopops.flashsale;

import java.util.EnumSet;
import java.util.Set;

/**
 * A session's lifecycle: DRAFT (staff edit it) → SCHEDULED (it runs from its start to its end, by the clock) →
 * ENDED once its end has passed; a draft or a scheduled session that has not ended may be CANCELLED. Only a draft
 * may be edited. Anything else is refused.
 */
public enum FlashSaleStatus {
    DRAFT, SCHEDULED, ENDED, CANCELLED;

    public Set<FlashSaleStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SCHEDULED, CANCELLED);
            case SCHEDULED -> EnumSet.of(ENDED, CANCELLED);
            case ENDED, CANCELLED -> EnumSet.noneOf(FlashSaleStatus.class);
        };
    }

    public boolean canMoveTo(FlashSaleStatus target) {
        return next().contains(target);
    }
}
