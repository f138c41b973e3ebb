package io.shopops.demo;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

import io.shopops.catalog.Brands;
import io.shopops.catalog.Categories;
import io.shopops.demo.internal.CatalogGenerator;
import io.shopops.demo.internal.CatalogGenerator.PlannedProduct;
import io.shopops.demo.internal.StockGenerator;
import io.shopops.shared.BusinessRuleException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Generates the demo shop in one transaction: all of it or nothing. Each step draws from its own random
 * stream split from the seed, so adding a step later (customers, orders) leaves the earlier ones as they were.
 */
@Service
public class DemoShop {

    private final Categories categories;
    private final Brands brands;
    private final CatalogGenerator catalogGenerator;
    private final StockGenerator stockGenerator;
    private final DemoProperties properties;

    DemoShop(Categories categories, Brands brands, CatalogGenerator catalogGenerator, StockGenerator stockGenerator,
            DemoProperties properties) {
        this.categories = categories;
        this.brands = brands;
        this.catalogGenerator = catalogGenerator;
        this.stockGenerator = stockGenerator;
        this.properties = properties;
    }

    /** Whether the shop has no catalog yet, the only state the demo is generated into. */
    @Transactional(readOnly = true)
    public boolean isEmptyShop() {
        return categories.all().isEmpty();
    }

    @Transactional
    public DemoReport generate(long seed) {
        if (!isEmptyShop()) {
            throw new BusinessRuleException("shop-not-empty",
                    "The demo shop is generated only into an empty catalog");
        }
        long started = System.nanoTime();
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom catalogRandom = root.split();
        SplittableRandom stockRandom = root.split();
        List<PlannedProduct> products = catalogGenerator.generate(catalogRandom, properties.products(), properties.skus());
        StockGenerator.Result stock = stockGenerator.generate(stockRandom, products);
        int skus = products.stream().mapToInt(p -> p.product().skus().size()).sum();
        return new DemoReport(seed, categories.all().size(), brands.all().size(), products.size(), skus,
                stock.warehouses(), stock.units(), Duration.ofNanos(System.nanoTime() - started));
    }
}
