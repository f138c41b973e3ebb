package io.shopops.fulfilment;

import org.jspecify.annotations.Nullable;

/**
 * What a tracking event reports, and where it moves a dispatched shipment: the carrier collected it (揽收), it
 * moves between depots (运输中), it is out for delivery (派送中), a delivery attempt failed, it was signed for
 * (签收), or it was lost, damaged or returned to the sender (异常件).
 */
public enum TrackingEventType {

    PICKED_UP(ShipmentStatus.IN_TRANSIT, null),
    IN_TRANSIT(ShipmentStatus.IN_TRANSIT, null),
    OUT_FOR_DELIVERY(ShipmentStatus.IN_TRANSIT, null),
    DELIVERY_FAILED(ShipmentStatus.IN_TRANSIT, null),
    DELIVERED(ShipmentStatus.DELIVERED, null),
    LOST(ShipmentStatus.EXCEPTION, ExceptionReason.LOST),
    DAMAGED(ShipmentStatus.EXCEPTION, ExceptionReason.DAMAGED),
    RETURNED_TO_SENDER(ShipmentStatus.EXCEPTION, ExceptionReason.RETURNED_TO_SENDER);

    private final ShipmentStatus leadsTo;
    private final @Nullable ExceptionReason exceptionReason;

    TrackingEventType(ShipmentStatus leadsTo, @Nullable ExceptionReason exceptionReason) {
        this.leadsTo = leadsTo;
        this.exceptionReason = exceptionReason;
    }

    /** The status a shipment takes on this event, when its current status allows the move. */
    public ShipmentStatus leadsTo() {
        return leadsTo;
    }

    /** For LOST, DAMAGED and RETURNED_TO_SENDER: the reason the shipment failed. */
    public @Nullable ExceptionReason exceptionReason() {
        return exceptionReason;
    }
}
