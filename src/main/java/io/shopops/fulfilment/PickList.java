package io.shopops.fulfilment;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.shopops.catalog.SkuId;
import io.shopops.inventory.WarehouseId;

/**
 * What to take from the shelves of one warehouse (揀貨單): the lines of its CREATED and PICKING shipments grouped by
 * SKU, with the total and each shipment's share. The most urgent shipments (earliest promise) come first; when
 * there are more than {@link PickLists#MAX_SHIPMENTS}, the list covers that many and says it is {@code truncated}.
 *
 * @param shipments      how many shipments the list covers
 * @param openShipments  how many CREATED and PICKING shipments the warehouse has in all
 */
public record PickList(WarehouseId warehouseId, String warehouseCode, String warehouseName, Instant generatedAt,
        int shipments, long openShipments, boolean truncated, List<Line> lines) {

    public PickList {
        lines = List.copyOf(lines);
    }

    /** All units to pick. */
    @JsonProperty
    public long units() {
        return lines.stream().mapToLong(Line::quantity).sum();
    }

    /** One SKU to pick: its code, product title and spec from the catalog, the total and per shipment. */
    public record Line(SkuId skuId, String skuCode, String title, String spec, long quantity,
            List<Allocation> allocations) {

        public Line {
            allocations = List.copyOf(allocations);
        }
    }

    public record Allocation(ShipmentId shipmentId, String orderReference, ShipmentStatus status,
            Instant promisedAt, int quantity) {
    }
}
