package io.shopops.inventory;

import java.util.EnumSet;
import java.util.Set;

/**
 * A reservation holds stock while ACTIVE and then ends exactly once: RELEASED (given back), SHIPPED (the
 * held units left the warehouse) or EXPIRED (its time ran out and the job gave the units back).
 */
public enum ReservationStatus {

    ACTIVE, RELEASED, SHIPPED, EXPIRED;

    public Set<ReservationStatus> next() {
        return this == ACTIVE ? EnumSet.of(RELEASED, SHIPPED, EXPIRED) : EnumSet.noneOf(ReservationStatus.class);
    }

    public boolean canMoveTo(ReservationStatus target) {
        return next().contains(target);
    }
}
