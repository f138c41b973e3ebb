package io.shopops.demo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.shopops.catalog.Catalog;
import io.shopops.catalog.CatalogFigures;
import io.shopops.catalog.Categories;
import io.shopops.catalog.ProductStatus;
import io.shopops.inventory.Inventory;
import io.shopops.inventory.InventoryFigures;
import io.shopops.shared.BusinessRuleException;
import io.shopops.testing.PostgresDatabase;
import io.shopops.testing.PostgresTest;
import io.shopops.testing.ShopOpsTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The demo shop: the size the issue asks for, a realistic mix, stock that reconciles, refused over an
 * existing catalog, and the same shop from the same seed on H2 and on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoShopTests {

    private final Map<String, String> fingerprints = new ConcurrentHashMap<>();

    abstract class Contract {

        @Autowired
        DemoShop demo;
        @Autowired
        Catalog catalog;
        @Autowired
        Categories categories;
        @Autowired
        Inventory inventory;
        @Autowired
        JdbcClient jdbc;

        @Test
        void generatesARealisticShopWhoseStockReconciles() {
            DemoReport report = demo.generate(20261121L);

            assertThat(report.categories()).isGreaterThanOrEqualTo(40);
            assertThat(categories.all()).anyMatch(c -> c.depth() == 3);
            assertThat(report.products()).isEqualTo(500);
            assertThat(report.skus()).isEqualTo(2000);
            assertThat(report.warehouses()).isEqualTo(3);
            CatalogFigures figures = catalog.figures();
            assertThat(figures.productsOnShelf()).isBetween(350L, 480L);
            assertThat(figures.productsByStatus().get(ProductStatus.DRAFT)).isPositive();
            assertThat(figures.productsByStatus().get(ProductStatus.ARCHIVED)).isPositive();
            InventoryFigures stock = inventory.figures();
            assertThat(stock.totalUnits()).isEqualTo(report.unitsInStock()).isPositive();
            assertThat(stock.lowStockSkus()).isPositive().isLessThan(report.skus() / 4);
            assertThat(stock.stockValue().isZero()).isFalse();
            assertThat(inventory.reconcile().consistent()).isTrue();
            // Zipf-like popularity: the best-selling tenth of the SKUs holds far more than a tenth of the units
            long topTenth = jdbc.sql("""
                    SELECT COALESCE(SUM(units), 0) FROM (SELECT SUM(on_hand) AS units FROM stock GROUP BY sku_id
                                                         ORDER BY units DESC LIMIT 200) top""")
                    .query(Long.class).single();
            assertThat(topTenth).isGreaterThan(stock.totalUnits() / 4);

            fingerprints.put(getClass().getSimpleName(), fingerprint());
            assertThatThrownBy(() -> demo.generate(1)).isInstanceOf(BusinessRuleException.class);
        }

        /** What a seed decides: codes, titles, prices, specs, statuses and stock, in a stable order. */
        private String fingerprint() {
            return String.join("\n", jdbc.sql("""
                    SELECT p.spu_code || '|' || p.title || '|' || p.status || '|' || s.sku_code || '|'
                           || CAST(s.list_price AS VARCHAR(20)) || '|' || CAST(s.sale_price AS VARCHAR(20)) || '|'
                           || CAST(s.cost_price AS VARCHAR(20)) || '|'
                           || CAST(COALESCE((SELECT SUM(on_hand) FROM stock st WHERE st.sku_id = s.id), 0) AS VARCHAR(20))
                    FROM product p JOIN sku s ON s.product_id = p.id ORDER BY s.sku_code""")
                    .query(String.class).list());
        }
    }

    @Nested
    @ShopOpsTest
    @TestPropertySource(properties = "shopops.demo.context=h2-demo")
    class OnH2 extends Contract {
    }

    @Nested
    @PostgresTest
    @TestPropertySource(properties = "shopops.demo.context=postgres-demo")
    class OnPostgres extends Contract {
    }

    @AfterAll
    void theSameSeedGivesTheSameShopOnBothDatabases() {
        if (PostgresDatabase.required()) {
            assertThat(fingerprints).containsOnlyKeys("OnH2", "OnPostgres");
        }
        if (fingerprints.size() == 2) {
            assertThat(fingerprints.get("OnH2")).isEqualTo(fingerprints.get("OnPostgres")).isNotBlank();
        }
    }
}
