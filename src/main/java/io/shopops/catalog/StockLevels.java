package io.shopops.catalog;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * What the catalog needs to know about stock, implemented by the inventory module (which depends on the
 * catalog, not the other way round). A SKU the inventory has never seen has no stock.
 */
public interface StockLevels {

    /** Stock of each given SKU; SKUs without any stock record are missing (read them as {@link SkuStock#NONE}). */
    Map<SkuId, SkuStock> of(Collection<SkuId> skus);

    /** SKUs with available stock above zero (IN_STOCK or LOW_STOCK); every other SKU is OUT_OF_STOCK. */
    Set<SkuId> skusWithAvailableStock();

    /** SKUs with 0 < available ≤ safety stock (LOW_STOCK). */
    Set<SkuId> skusRunningLow();
}
