package io.shopops.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.shopops.identity.Role;
import io.shopops.shared.InvalidInputException;
import io.shopops.shared.FieldViolation;
import io.shopops.shared.PageQuery;
import io.shopops.testing.PostgresTest;
import io.shopops.testing.ShopOpsTest;
import io.shopops.testing.StaffFixtures;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The stock-state filter and stock figures of a search, with the inventory's {@link StockLevels} played by a
 * map, on H2 and on PostgreSQL.
 */
class CatalogStockFilterContractTests {

    abstract static class Contract {

        @Autowired
        Catalog catalog;
        @Autowired
        ProductSearch search;
        @Autowired
        CatalogFixtures fixtures;
        @Autowired
        StockLevelsDouble.MapStockLevels stock;

        @Test
        void findsProductsWithAnActiveSkuInTheStockState() {
            CategoryView category = fixtures.category();
            ProductView inStock = fixtures.product(category, "10.00");
            stock.set(sku(inStock, 0), 100, 0, 10);
            ProductView low = fixtures.product(category, "10.00");
            stock.set(sku(low, 0), 8, 3, 10);
            ProductView neverStocked = fixtures.product(category, "10.00");
            ProductView mixed = fixtures.product(category, "10.00", "20.00");
            stock.set(sku(mixed, 0), 50, 0, 5);
            stock.set(sku(mixed, 1), 5, 5, 5);
            ProductView inactiveOut = fixtures.product(category, "10.00", "20.00");
            stock.set(sku(inactiveOut, 0), 50, 0, 5);
            catalog.deactivateSku(inactiveOut.id(), sku(inactiveOut, 1), inactiveOut.version());
            ProductQuery query = ProductQuery.all().withCategory(category.id());

            assertThat(ids(query.withStockState(StockState.IN_STOCK)))
                    .containsExactlyInAnyOrder(inStock.id(), mixed.id(), inactiveOut.id());
            assertThat(ids(query.withStockState(StockState.LOW_STOCK))).containsExactly(low.id());
            assertThat(ids(query.withStockState(StockState.OUT_OF_STOCK)))
                    .containsExactlyInAnyOrder(neverStocked.id(), mixed.id());
        }

        @Test
        void combinesTheStockStateWithTheOtherFiltersSortingAndPaging() {
            CategoryView category = fixtures.category();
            List<ProductView> out = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ProductView product = fixtures.product(category, (10 + i) + ".00");
                if (i % 2 == 0) {
                    out.add(product);
                } else {
                    stock.set(sku(product, 0), 10, 0, 1);
                }
            }
            catalog.changeStatus(out.get(0).id(), ProductStatus.ON_SHELF, null, out.get(0).version());
            ProductQuery query = ProductQuery.all().withCategory(category.id()).withStockState(StockState.OUT_OF_STOCK)
                    .sortedBy(ProductSort.parse("price,desc"));

            var firstPage = search.find(query, new PageQuery(0, 2));
            var secondPage = search.find(query, new PageQuery(1, 2));

            assertThat(firstPage.totalItems()).isEqualTo(3);
            assertThat(firstPage.items()).extracting(ProductSummary::id).containsExactly(out.get(2).id(), out.get(1).id());
            assertThat(secondPage.items()).extracting(ProductSummary::id).containsExactly(out.get(0).id());
            assertThat(ids(query.withStatus(ProductStatus.ON_SHELF))).containsExactly(out.get(0).id());
        }

        @Test
        void summarisesTheAvailableStockOfActiveSkusAndTheirMostUrgentState() {
            CategoryView category = fixtures.category();
            ProductView mixed = fixtures.product(category, "10.00", "20.00", "30.00");
            stock.set(sku(mixed, 0), 100, 20, 10);
            stock.set(sku(mixed, 1), 6, 1, 10);
            stock.set(sku(mixed, 2), 500, 0, 10);
            ProductView healthy = fixtures.product(category, "10.00");
            stock.set(sku(healthy, 0), 40, 0, 10);
            ProductView oneOut = fixtures.product(category, "10.00", "20.00");
            stock.set(sku(oneOut, 0), 40, 0, 10);
            ProductView partlyInactive = catalog.deactivateSku(mixed.id(), sku(mixed, 2), mixed.version());

            Map<ProductId, ProductSummary> summaries = search.find(
                    ProductQuery.all().withCategory(category.id()), PageQuery.first(10)).items().stream()
                    .collect(Collectors.toMap(ProductSummary::id, Function.identity()));

            assertThat(summaries.get(partlyInactive.id()).availableStock()).isEqualTo(85);
            assertThat(summaries.get(mixed.id()).stockState()).isEqualTo(StockState.LOW_STOCK);
            assertThat(summaries.get(healthy.id()).availableStock()).isEqualTo(40);
            assertThat(summaries.get(healthy.id()).stockState()).isEqualTo(StockState.IN_STOCK);
            assertThat(summaries.get(oneOut.id()).stockState()).isEqualTo(StockState.OUT_OF_STOCK);
            assertThat(search.stockOf(List.of(sku(healthy, 0)))).containsEntry(sku(healthy, 0),
                    new SkuStock(40, 0, 10));
            assertThat(search.hasStockLevels()).isTrue();
        }

        @Test
        void filtersByStockWhenTheInventoryReportsAHundredThousandSkus() {
            CategoryView category = fixtures.category();
            ProductView inStock = fixtures.product(category, "10.00");
            stock.set(sku(inStock, 0), 10, 0, 1);
            ProductView low = fixtures.product(category, "10.00");
            stock.set(sku(low, 0), 1, 0, 1);
            ProductView out = fixtures.product(category, "10.00");
            List<SkuId> available = new ArrayList<>();
            List<SkuId> runningLow = new ArrayList<>();
            for (long i = 1; i <= 100_000; i++) {
                (i % 4 == 0 ? runningLow : available).add(new SkuId(Long.MAX_VALUE - i));
            }
            stock.addUnknownSkus(available, runningLow);
            assertThat(stock.skusWithAvailableStock()).hasSizeGreaterThan(100_000);
            ProductQuery query = ProductQuery.all().withCategory(category.id());

            assertThat(ids(query.withStockState(StockState.IN_STOCK))).containsExactly(inStock.id());
            assertThat(ids(query.withStockState(StockState.LOW_STOCK))).containsExactly(low.id());
            assertThat(ids(query.withStockState(StockState.OUT_OF_STOCK))).containsExactly(out.id());
            assertThat(search.find(ProductQuery.all().withStockState(StockState.IN_STOCK), PageQuery.first(200))
                    .items()).extracting(ProductSummary::id).contains(inStock.id());
        }

        static SkuId sku(ProductView product, int index) {
            return product.skus().get(index).id();
        }

        List<ProductId> ids(ProductQuery query) {
            return search.find(query, PageQuery.first(200)).items().stream().map(ProductSummary::id).toList();
        }
    }

    @Nested
    @ShopOpsTest
    @Import(StockLevelsDouble.class)
    class OnH2 extends Contract {
    }

    @Nested
    @PostgresTest
    @Import(StockLevelsDouble.class)
    class OnPostgres extends Contract {
    }

    /** Without any {@link StockLevels} the figures are empty and the filter is refused, naming it. */
    @Nested
    @ShopOpsTest
    @Import(WithoutStockLevels.class)
    class WithoutStockFigures {

        @Autowired
        ProductSearch search;
        @Autowired
        CatalogFixtures fixtures;
        @Autowired
        MockMvc mvc;
        @Autowired
        StaffFixtures staff;

        @Test
        void answersTheApisStockFilterWith400NamingIt() throws Exception {
            mvc.perform(get("/api/v1/admin/catalog/products").param("stockState", "OUT_OF_STOCK")
                            .header("Authorization", staff.member(Role.CUSTOMER_OPS).bearer()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail").value("stockState: stock levels are not available"))
                    .andExpect(jsonPath("$.errors[0].field").value("stockState"));
        }

        @Test
        void refusesTheStockStateFilterAndLeavesTheStockColumnsEmpty() {
            CategoryView category = fixtures.category();
            fixtures.product(category, "10.00");

            assertThatThrownBy(() -> search.find(ProductQuery.all().withStockState(StockState.IN_STOCK),
                    PageQuery.first(10)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage("stockState: stock levels are not available")
                    .satisfies(e -> assertThat(((InvalidInputException) e).violations())
                            .extracting(FieldViolation::field).containsExactly("stockState"));
            ProductSummary summary = search.find(ProductQuery.all().withCategory(category.id()),
                    PageQuery.first(10)).items().getFirst();
            assertThat(summary.availableStock()).isNull();
            assertThat(summary.stockState()).isNull();
            assertThat(search.hasStockLevels()).isFalse();
            assertThat(search.stockOf(List.of(new SkuId(1)))).isEmpty();
        }
    }
}
