package io.shopops.aftersales;

import java.time.Instant;
import java.util.List;

import io.shopops.catalog.SkuId;
import io.shopops.inventory.WarehouseId;
import io.shopops.ordering.OrderId;

/** The parcel back arrived: units per SKU restocked into a warehouse or written off damaged. */
public record ReturnReceived(AfterSalesId requestId, String requestNo, OrderId orderId, List<Line> lines,
        Instant receivedAt) {

    public ReturnReceived {
        lines = List.copyOf(lines);
    }

    public record Line(SkuId skuId, WarehouseId warehouseId, int restocked, int damaged) {
    }
}
