package io.shopops.ordering.internal;

import java.util.List;
import java.util.Optional;

/**
 * Speed over parcels: every line is served from the destination region's warehouse when it has the stock,
 * otherwise from the warehouse with the most, even if the order then leaves in several parcels.
 */
public class RegionFirst implements AllocationStrategy {

    @Override
    public String name() {
        return "region-first";
    }

    @Override
    public Allocation allocate(List<Line> lines, List<Stock> warehouses, Optional<String> destinationRegion) {
        return SingleWarehouseFirst.split(lines, warehouses, destinationRegion);
    }
}
