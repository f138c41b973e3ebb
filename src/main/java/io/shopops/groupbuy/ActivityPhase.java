package io.shopops.groupbuy;

import java.time.Instant;

/** Where an activity stands now: its status, with a scheduled one split by the clock into upcoming, running, ended. */
public enum ActivityPhase {
    DRAFT, UPCOMING, RUNNING, ENDED, CANCELLED;

    public static ActivityPhase of(ActivityStatus status, Instant startsAt, Instant endsAt, Instant now) {
        return switch (status) {
            case DRAFT -> DRAFT;
            case CANCELLED -> CANCELLED;
            case ENDED -> ENDED;
            case SCHEDULED -> now.isBefore(startsAt) ? UPCOMING : now.isBefore(endsAt) ? RUNNING : ENDED;
        };
    }
}
