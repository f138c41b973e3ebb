package io.shopops.ordering.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.shopops.catalog.SkuId;
import io.shopops.inventory.WarehouseId;

/**
 * A rule for choosing warehouses for an order (configurable: {@code shopops.ordering.allocation}). The plan is a
 * proposal made on a snapshot of availability; the reservation that follows is what holds the stock, and it is
 * refused by the database if the snapshot went stale.
 */
public interface AllocationStrategy {

    /** A warehouse as allocation sees it: where it is and what it has available now, per SKU. */
    record Stock(WarehouseId warehouseId, Optional<String> region, Map<SkuId, Long> available) {

        long of(SkuId sku) {
            return available.getOrDefault(sku, 0L);
        }
    }

    /** An order line to serve. */
    record Line(SkuId skuId, int quantity) {
    }

    String name();

    Allocation allocate(List<Line> lines, List<Stock> warehouses, Optional<String> destinationRegion);
}
