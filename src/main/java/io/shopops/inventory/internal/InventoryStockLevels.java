package io.shopops.inventory.internal;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

import io.shopops.catalog.SkuId;
import io.shopops.catalog.SkuStock;
import io.shopops.catalog.StockLevels;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The catalog's view of stock: totals over all warehouses, with the safety stock that defines LOW_STOCK. */
@Component
class InventoryStockLevels implements StockLevels {

    private final StockRepository stock;

    InventoryStockLevels(StockRepository stock) {
        this.stock = stock;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<SkuId, SkuStock> of(Collection<SkuId> skus) {
        return stock.totals(skus);
    }

    @Override
    @Transactional(readOnly = true)
    public Set<SkuId> skusWithAvailableStock() {
        return stock.skusWithAvailableStock();
    }

    @Override
    @Transactional(readOnly = true)
    public Set<SkuId> skusRunningLow() {
        return stock.skusRunningLow();
    }
}
