package io.shopops.flashsale;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.shopops.catalog.SkuId;
import io.shopops.customer.CustomerId;
import io.shopops.customer.Customers;
import io.shopops.customer.HistoricalCustomer;
import io.shopops.customer.ImportedCustomer;
import io.shopops.customer.RegistrationChannel;
import io.shopops.inventory.MutableClock;
import io.shopops.inventory.WarehouseView;
import io.shopops.ordering.OrderFixtures;
import io.shopops.testing.CustomerFixtures;

/**
 * Flash-sale sessions made and scheduled through {@link FlashSales} as staff would, on SKUs put on the shelf with
 * stock through the ordering fixtures, and customers by the thousand through the customer module's import.
 */
public class FlashSaleFixtures {

    private final FlashSales sales;
    private final OrderFixtures orders;
    private final Customers customers;
    private final MutableClock clock;

    FlashSaleFixtures(FlashSales sales, OrderFixtures orders, Customers customers, MutableClock clock) {
        this.sales = sales;
        this.orders = orders;
        this.customers = customers;
        this.clock = clock;
    }

    public Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    /** A SKU on the shelf at the sale price (cost 40 % of it), with units in stock in one warehouse. */
    public SkuId sku(String salePrice, int stock) {
        SkuId sku = orders.sku(salePrice);
        WarehouseView warehouse = orders.warehouse("华东");
        orders.stock(sku, warehouse, stock);
        return sku;
    }

    public static NewFlashSale.Item item(SkuId sku, String flashPrice, long quota, Integer limit) {
        return new NewFlashSale.Item(sku, new BigDecimal(flashPrice), quota, limit, null);
    }

    /** A draft running from a minute ago for two hours, with a 10-minute pay window. */
    public NewFlashSale draft(NewFlashSale.Item... items) {
        Instant now = now();
        return new NewFlashSale("秒杀 " + System.nanoTime() % 1_000_000, now.minus(Duration.ofMinutes(1)),
                now.plus(Duration.ofHours(2)), 10, List.of(items));
    }

    /** A session running now (scheduled), with a 10-minute pay window. */
    public FlashSaleView running(NewFlashSale.Item... items) {
        FlashSaleView draft = sales.create(draft(items));
        return sales.schedule(draft.id(), draft.version());
    }

    /** A running session of one SKU: quota units at the flash price, {@code limit} per customer. */
    public FlashSaleView running(SkuId sku, String flashPrice, int quota, int limit) {
        return running(item(sku, flashPrice, quota, limit));
    }

    /** Customers imported in one batch (fast: no password hashing); they cannot sign in. */
    public List<CustomerId> customers(int count) {
        List<HistoricalCustomer> batch = new ArrayList<>();
        Instant registered = now().minus(Duration.ofDays(30));
        for (int i = 0; i < count; i++) {
            batch.add(new HistoricalCustomer(CustomerFixtures.uniquePhone(), null, "秒杀顾客" + i, null,
                    RegistrationChannel.WEB, registered, List.of()));
        }
        return customers.importHistorical(batch).stream().map(ImportedCustomer::id).toList();
    }
}
