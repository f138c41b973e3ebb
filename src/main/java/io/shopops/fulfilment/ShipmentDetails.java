package io.shopops.fulfilment;

import java.util.List;

/** A shipment with its steps (oldest first) and its tracking timeline (by the events' own time, oldest first). */
public record ShipmentDetails(ShipmentView shipment, List<ShipmentStep> steps, List<TrackingEventView> tracking) {

    public ShipmentDetails {
        steps = List.copyOf(steps);
        tracking = List.copyOf(tracking);
    }

    public ShipmentDetails masked() {
        return new ShipmentDetails(shipment.masked(), steps, tracking);
    }
}
