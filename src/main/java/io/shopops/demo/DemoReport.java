package io.shopops.demo;

import java.time.Duration;
import java.util.Map;

import io.shopops.ordering.OrderStatus;
import io.shopops.shared.Money;

/**
 * What a generation run created. {@code gmv} is the total of the orders paid and not cancelled (docs/metrics.md),
 * {@code returns} the orders with a return refunded.
 */
public record DemoReport(long seed, int categories, int brands, int products, int skus, int warehouses,
        long unitsInStock, int customers, int orders, Map<OrderStatus, Integer> ordersByStatus, Money gmv, int returns,
        Duration took) {

    public DemoReport {
        ordersByStatus = Map.copyOf(ordersByStatus);
    }

    @Override
    public String toString() {
        return ("Demo shop (seed %d): %d categories, %d brands, %d products, %d SKUs, %d warehouses, %d units in stock, "
                + "%d customers, %d orders (%s), GMV %s, %d returns, in %.1f s")
                .formatted(seed, categories, brands, products, skus, warehouses, unitsInStock, customers, orders,
                        statuses(), gmv, returns, took.toMillis() / 1000.0);
    }

    private String statuses() {
        StringBuilder text = new StringBuilder();
        for (OrderStatus status : OrderStatus.values()) {
            Integer count = ordersByStatus.get(status);
            if (count != null) {
                text.append(text.isEmpty() ? "" : ", ").append(count).append(' ').append(status);
            }
        }
        return text.toString();
    }
}
