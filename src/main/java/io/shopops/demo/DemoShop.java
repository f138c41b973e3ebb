package io.shopops.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;

import io.shopops.catalog.Brands;
import io.shopops.catalog.Categories;
import io.shopops.demo.internal.CatalogGenerator;
import io.shopops.demo.internal.CatalogGenerator.PlannedProduct;
import io.shopops.demo.internal.CustomerGenerator;
import io.shopops.demo.internal.CustomerGenerator.DemoCustomer;
import io.shopops.demo.internal.MarketingGenerator;
import io.shopops.demo.internal.OrderHistoryGenerator;
import io.shopops.demo.internal.StockGenerator;
import io.shopops.shared.BusinessRuleException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Generates the demo shop in one transaction (catalog, stock, customers, order history, today's promotions and
 * coupons): all of it or nothing (a failure leaves the database as it was, and the
 * exception says which step refused what). Each step draws from its own random stream split from the seed, in a
 * fixed order (catalog, stock, customers, orders), so adding a step later leaves the earlier ones as they were: the
 * catalog and stock of a seed are the same with or without customers and orders. Times are relative to the injected
 * clock's now, so a fixed clock and a seed give the same shop on any database.
 */
@Service
public class DemoShop {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DemoShop.class);

    private final Categories categories;
    private final Brands brands;
    private final CatalogGenerator catalogGenerator;
    private final StockGenerator stockGenerator;
    private final CustomerGenerator customerGenerator;
    private final OrderHistoryGenerator orderHistoryGenerator;
    private final MarketingGenerator marketingGenerator;
    private final DemoProperties properties;
    private final Clock clock;

    DemoShop(Categories categories, Brands brands, CatalogGenerator catalogGenerator, StockGenerator stockGenerator,
            CustomerGenerator customerGenerator, OrderHistoryGenerator orderHistoryGenerator,
            MarketingGenerator marketingGenerator, DemoProperties properties, Clock clock) {
        this.categories = categories;
        this.brands = brands;
        this.catalogGenerator = catalogGenerator;
        this.stockGenerator = stockGenerator;
        this.customerGenerator = customerGenerator;
        this.orderHistoryGenerator = orderHistoryGenerator;
        this.marketingGenerator = marketingGenerator;
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether the shop has no catalog yet, the only state the demo is generated into. */
    @Transactional(readOnly = true)
    public boolean isEmptyShop() {
        return categories.all().isEmpty();
    }

    /**
     * Generates the shop: catalog, stock, customers and {@code shopops.demo.orders} orders over the last
     * {@code shopops.demo.history-days} days. 422 {@code shop-not-empty} over an existing catalog.
     */
    @Transactional
    public DemoReport generate(long seed) {
        if (!isEmptyShop()) {
            throw new BusinessRuleException("shop-not-empty",
                    "The demo shop is generated only into an empty catalog");
        }
        long started = System.nanoTime();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom catalogRandom = root.split();
        SplittableRandom stockRandom = root.split();
        // split after the catalog's and the stock's streams: those stay what they were before customers and orders
        SplittableRandom customerRandom = root.split();
        SplittableRandom orderRandom = root.split();
        List<PlannedProduct> products = catalogGenerator.generate(catalogRandom, properties.products(), properties.skus());
        StockGenerator.Result stock = stockGenerator.generate(stockRandom, products);
        long stocked = System.nanoTime();
        Instant historyStart = now.minus(Duration.ofDays(properties.historyDays()));
        List<DemoCustomer> customers = customerGenerator.generate(customerRandom, properties.customers(), historyStart,
                now);
        long signedUp = System.nanoTime();
        OrderHistoryGenerator.Result orders = orderHistoryGenerator.generate(orderRandom, products, customers, now,
                properties.orders(), properties.historyDays());
        // today's promotions and coupons: no randomness, so the seeded steps above stay what they were
        marketingGenerator.generate(now, categories.all().stream().filter(c -> c.parentId() == null).toList(), customers);
        log.info("Demo shop steps: catalog and stock {} ms, customers {} ms, orders {} ms",
                (stocked - started) / 1_000_000, (signedUp - stocked) / 1_000_000,
                (System.nanoTime() - signedUp) / 1_000_000);
        int skus = products.stream().mapToInt(p -> p.product().skus().size()).sum();
        return new DemoReport(seed, categories.all().size(), brands.all().size(), products.size(), skus,
                stock.warehouses(), stock.units(), customers.size(), orders.orders(), orders.byStatus(), orders.gmv(),
                orders.returns(), Duration.ofNanos(System.nanoTime() - started));
    }
}
