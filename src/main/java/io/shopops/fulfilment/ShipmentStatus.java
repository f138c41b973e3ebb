package io.shopops.fulfilment;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import io.shopops.shared.BusinessRuleException;

/**
 * Where a shipment is. CREATED → PICKING (揀貨) → PACKED (打包) → DISPATCHED (發貨: handed to a carrier, the
 * reservation's units leave the warehouse) → IN_TRANSIT → DELIVERED (簽收) or EXCEPTION (lost, damaged, returned to
 * sender). CANCELLED only before dispatch. DELIVERED, EXCEPTION and CANCELLED are final.
 */
public enum ShipmentStatus {

    CREATED, PICKING, PACKED, DISPATCHED, IN_TRANSIT, DELIVERED, EXCEPTION, CANCELLED;

    /** The statuses this one may move to. */
    public Set<ShipmentStatus> next() {
        return switch (this) {
            case CREATED -> EnumSet.of(PICKING, CANCELLED);
            case PICKING -> EnumSet.of(PACKED, CANCELLED);
            case PACKED -> EnumSet.of(DISPATCHED, CANCELLED);
            case DISPATCHED -> EnumSet.of(IN_TRANSIT, DELIVERED, EXCEPTION);
            case IN_TRANSIT -> EnumSet.of(DELIVERED, EXCEPTION);
            case DELIVERED, EXCEPTION, CANCELLED -> EnumSet.noneOf(ShipmentStatus.class);
        };
    }

    public boolean canMoveTo(ShipmentStatus target) {
        return next().contains(target);
    }

    /** Refuses (422 {@code illegal-transition}) a move this status does not allow. */
    public void requireMoveTo(ShipmentStatus target, ShipmentId shipment) {
        if (!canMoveTo(target)) {
            throw illegal(shipment, this, target);
        }
    }

    static BusinessRuleException illegal(ShipmentId shipment, ShipmentStatus from, ShipmentStatus to) {
        return new BusinessRuleException("illegal-transition", "status",
                "Shipment %s is %s and cannot become %s".formatted(shipment, from, to.name().toLowerCase(Locale.ROOT)));
    }

    /** Not yet delivered, failed or cancelled: still on its way to the customer. */
    public boolean isOpen() {
        return this != DELIVERED && this != EXCEPTION && this != CANCELLED;
    }

    /** Handed to a carrier: it has a carrier, a tracking number and a timeline. */
    public boolean isDispatched() {
        return this == DISPATCHED || this == IN_TRANSIT || this == DELIVERED || this == EXCEPTION;
    }

    /** Waiting in the warehouse: what a pick list gathers. */
    public boolean isToPick() {
        return this == CREATED || this == PICKING;
    }
}
