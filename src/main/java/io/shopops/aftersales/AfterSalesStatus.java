package io.shopops.aftersales;

import java.util.EnumSet;
import java.util.Set;

/**
 * An after-sales request's lifecycle: REQUESTED → APPROVED / REJECTED; a return then goes APPROVED →
 * RETURN_SHIPPED → RECEIVED → REFUNDED, a refund-only request APPROVED → REFUNDED. The customer may withdraw it
 * (CANCELLED) until the parcel is on its way back; an approved return never shipped back is cancelled after the
 * configured days. Anything else is refused.
 */
public enum AfterSalesStatus {
    REQUESTED, APPROVED, REJECTED, RETURN_SHIPPED, RECEIVED, REFUNDED, CANCELLED;

    public Set<AfterSalesStatus> next(AfterSalesKind kind) {
        return switch (this) {
            case REQUESTED -> EnumSet.of(APPROVED, REJECTED, CANCELLED);
            case APPROVED -> kind == AfterSalesKind.RETURN_AND_REFUND ? EnumSet.of(RETURN_SHIPPED, CANCELLED)
                    : EnumSet.of(REFUNDED);
            case RETURN_SHIPPED -> EnumSet.of(RECEIVED);
            case RECEIVED -> EnumSet.of(REFUNDED);
            case REJECTED, REFUNDED, CANCELLED -> EnumSet.noneOf(AfterSalesStatus.class);
        };
    }

    public boolean canMoveTo(AfterSalesKind kind, AfterSalesStatus target) {
        return next(kind).contains(target);
    }

    /** Still holding a claim on the order's lines that may yet be given back or paid out. */
    public boolean isOpen() {
        return this == REQUESTED || this == APPROVED || this == RETURN_SHIPPED || this == RECEIVED;
    }
}
