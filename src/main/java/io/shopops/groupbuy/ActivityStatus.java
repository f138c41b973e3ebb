package io.shopops.groupbuy;

import java.util.EnumSet;
import java.util.Set;

/**
 * A group-buy or bargain activity's lifecycle: DRAFT (editable) → SCHEDULED (published; running between its start
 * and end by the clock) → ENDED once its end has passed, or CANCELLED by staff from DRAFT or SCHEDULED.
 */
public enum ActivityStatus {
    DRAFT, SCHEDULED, ENDED, CANCELLED;

    public Set<ActivityStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SCHEDULED, CANCELLED);
            case SCHEDULED -> EnumSet.of(ENDED, CANCELLED);
            case ENDED, CANCELLED -> EnumSet.noneOf(ActivityStatus.class);
        };
    }

    public boolean canMoveTo(ActivityStatus target) {
        return next().contains(target);
    }
}
