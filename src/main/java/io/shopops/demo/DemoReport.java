package io.shopops.demo;

import java.time.Duration;

/** What a generation run created. */
public record DemoReport(long seed, int categories, int brands, int products, int skus, int warehouses,
        long unitsInStock, Duration took) {

    @Override
    public String toString() {
        return "Demo shop (seed %d): %d categories, %d brands, %d products, %d SKUs, %d warehouses, %d units in stock, in %.1f s"
                .formatted(seed, categories, brands, products, skus, warehouses, unitsInStock, took.toMillis() / 1000.0);
    }
}
