package io.shopops.fulfilment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shopops.catalog.Catalog;
import io.shopops.catalog.SkuId;
import io.shopops.catalog.SkuRef;
import io.shopops.fulfilment.internal.ShipmentRepository;
import io.shopops.inventory.WarehouseId;
import io.shopops.inventory.WarehouseView;
import io.shopops.inventory.Warehouses;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Pick lists (揀貨單) for a warehouse: what its waiting shipments need from the shelves, SKU by SKU. */
@Service
public class PickLists {

    /** The most shipments one pick list covers, the most urgent first. */
    public static final int MAX_SHIPMENTS = 500;

    private final ShipmentRepository shipments;
    private final Warehouses warehouses;
    private final Catalog catalog;
    private final FulfilmentSupport support;

    PickLists(ShipmentRepository shipments, Warehouses warehouses, Catalog catalog, FulfilmentSupport support) {
        this.shipments = shipments;
        this.warehouses = warehouses;
        this.catalog = catalog;
        this.support = support;
    }

    /**
     * The CREATED and PICKING shipments of the warehouse (404 if there is none with the id), their lines grouped by
     * SKU with the SKU's code, product title and spec from the catalog, in SKU code order.
     */
    @Transactional(readOnly = true)
    public PickList pickList(WarehouseId warehouseId) {
        WarehouseView warehouse = warehouses.warehouse(warehouseId);
        long open = shipments.countToPick(warehouseId);
        List<ShipmentRepository.ToPick> waiting = shipments.toPick(warehouseId, MAX_SHIPMENTS);
        Map<ShipmentId, List<ShipmentView.Line>> lines = shipments.lines(
                waiting.stream().map(ShipmentRepository.ToPick::id).toList());
        Map<SkuId, List<PickList.Allocation>> bySku = new LinkedHashMap<>();
        for (ShipmentRepository.ToPick shipment : waiting) {
            for (ShipmentView.Line line : lines.getOrDefault(shipment.id(), List.of())) {
                bySku.computeIfAbsent(line.skuId(), k -> new ArrayList<>()).add(new PickList.Allocation(shipment.id(),
                        shipment.orderReference(), shipment.status(), shipment.promisedAt(), line.quantity()));
            }
        }
        Map<SkuId, SkuRef> skus = catalog.skus(bySku.keySet());
        List<PickList.Line> picks = new ArrayList<>();
        bySku.forEach((skuId, allocations) -> {
            SkuRef sku = skus.get(skuId);
            picks.add(new PickList.Line(skuId, sku == null ? "#" + skuId : sku.skuCode(),
                    sku == null ? "" : sku.productTitle(), sku == null ? "" : sku.specText(),
                    allocations.stream().mapToLong(PickList.Allocation::quantity).sum(), allocations));
        });
        picks.sort(Comparator.comparing(PickList.Line::skuCode));
        return new PickList(warehouseId, warehouse.code(), warehouse.name(), support.now(), waiting.size(), open,
                open > waiting.size(), picks);
    }
}
