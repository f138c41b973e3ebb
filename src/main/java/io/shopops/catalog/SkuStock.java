package io.shopops.catalog;

/** Stock of one SKU summed over all warehouses: available = onHand − reserved. */
public record SkuStock(long onHand, long reserved, long safetyStock) {

    public static final SkuStock NONE = new SkuStock(0, 0, 0);

    public long available() {
        return onHand - reserved;
    }

    public StockState state() {
        long available = available();
        if (available <= 0) {
            return StockState.OUT_OF_STOCK;
        }
        return available <= safetyStock ? StockState.LOW_STOCK : StockState.IN_STOCK;
    }
}
