package io.shopops.ordering.internal;

import java.util.List;
import java.util.Map;

import io.shopops.catalog.SkuId;
import io.shopops.inventory.WarehouseId;

/**
 * Where an order's lines are served from: one group per warehouse (each becomes one reservation and later one
 * shipment), or a refusal naming the line that no warehouse can serve.
 */
public sealed interface Allocation {

    record Planned(List<Group> groups) implements Allocation {

        public Planned {
            groups = List.copyOf(groups);
        }
    }

    record Refused(int lineIndex, long available) implements Allocation {
    }

    /** The quantities of each SKU one warehouse serves. */
    record Group(WarehouseId warehouseId, Map<SkuId, Integer> quantities) {

        public Group {
            quantities = Map.copyOf(quantities);
        }
    }
}
