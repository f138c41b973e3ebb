package io.shopops.ordering;

import java.time.Instant;
import java.util.List;

import io.shopops.inventory.WarehouseId;

/** A paid order was handed to fulfilment: one shipment per warehouse serving it. */
public record OrderAllocated(OrderId orderId, String orderNumber, List<WarehouseId> warehouses, Instant allocatedAt) {

    public OrderAllocated {
        warehouses = List.copyOf(warehouses);
    }
}
