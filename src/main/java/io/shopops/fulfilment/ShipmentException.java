package io.shopops.fulfilment;

import java.time.Instant;

/**
 * A dispatched shipment became an exception (异常件): lost, damaged or returned to the sender, as its carrier or a
 * member reported at {@code occurredAt}. Not a Java exception: an event, like the others.
 */
public record ShipmentException(ShipmentId shipmentId, String orderReference, ExceptionReason reason,
        Instant occurredAt) {
}
