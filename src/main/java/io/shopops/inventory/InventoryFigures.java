package io.shopops.inventory;

import java.util.List;

import io.shopops.shared.Money;

/** The inventory's numbers for the home page. Stock value is Σ on hand × the SKU's cost price, exact. */
public record InventoryFigures(long warehouses, long skusWithStock, long lowStockSkus, long totalUnits,
        Money stockValue, List<WarehouseValue> byWarehouse) {

    public InventoryFigures {
        byWarehouse = List.copyOf(byWarehouse);
    }

    public record WarehouseValue(WarehouseId warehouseId, String code, String name, long units, Money value) {
    }
}
