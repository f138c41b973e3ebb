package io.shopops.catalog;

/**
 * A SKU's stock across all warehouses, as the catalog filters and shows it. Definitions (docs/metrics.md):
 * OUT_OF_STOCK when available = 0; LOW_STOCK when 0 < available ≤ safety stock; IN_STOCK otherwise.
 */
public enum StockState {
    IN_STOCK, LOW_STOCK, OUT_OF_STOCK
}
