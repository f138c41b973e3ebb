package io.shopops.customer;

import java.util.List;

import io.shopops.catalog.Catalog;
import io.shopops.catalog.CatalogFixtures;
import io.shopops.catalog.CategoryView;
import io.shopops.catalog.ProductStatus;
import io.shopops.catalog.ProductView;
import io.shopops.catalog.SkuView;
import io.shopops.inventory.Inventory;
import io.shopops.inventory.NewWarehouse;
import io.shopops.inventory.Receipt;
import io.shopops.inventory.WarehouseView;
import io.shopops.inventory.Warehouses;
import io.shopops.testing.ShopOpsTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The storefront's catalog (catalog.web's StoreCatalogApi), open to anyone: only products on the shelf, sale
 * prices and whether a SKU can be bought, never drafts, withdrawn or archived products, cost prices or stock counts.
 */
@ShopOpsTest
class StorefrontCatalogTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    CatalogFixtures fixtures;
    @Autowired
    Catalog catalog;
    @Autowired
    Warehouses warehouses;
    @Autowired
    Inventory inventory;
    @Autowired
    JsonMapper json;

    @Test
    void listsOnlyProductsOnTheShelfWhateverTheQueryAsksFor() throws Exception {
        CategoryView category = fixtures.category();
        ProductView onShelf = fixtures.onShelf(category, "88.00");
        ProductView draft = fixtures.product(category, "88.00");
        ProductView offShelf = move(fixtures.onShelf(category, "88.00"), ProductStatus.OFF_SHELF);
        ProductView archived = move(fixtures.product(category, "88.00"), ProductStatus.ARCHIVED);

        assertThat(ids("/api/v1/store/products?categoryId=" + category.id())).containsExactly(onShelf.id().value());
        assertThat(ids("/api/v1/store/products?categoryId=" + category.id() + "&status=DRAFT"))
                .containsExactly(onShelf.id().value());
        assertThat(ids("/api/v1/store/products?q=" + draft.spuCode())).isEmpty();
        for (ProductView hidden : List.of(draft, offShelf, archived)) {
            MockHttpServletResponse response = call("/api/v1/store/products/" + hidden.id());
            assertThat(response.getStatus()).isEqualTo(404);
            assertThat(response.getContentAsString()).isEqualTo(call("/api/v1/store/products/" + hidden.id())
                    .getContentAsString()).doesNotContain(hidden.title());
        }
        assertThat(call("/api/v1/store/products/" + onShelf.id()).getStatus()).isEqualTo(200);
        assertThat(call("/api/v1/store/products/999999999").getStatus()).isEqualTo(404);
    }

    @Test
    void showsSalePricesButNeverCostPricesStockCountsOrInternalFields() throws Exception {
        CategoryView category = fixtures.category();
        ProductView product = fixtures.onShelf(category, "88.00", "66.00");
        WarehouseView warehouse = warehouse();
        inventory.receive(new Receipt(product.skus().getFirst().id(), warehouse.id(), 37, null, null));

        String detail = call("/api/v1/store/products/" + product.id()).getContentAsString();
        String list = call("/api/v1/store/products?categoryId=" + category.id()).getContentAsString();
        for (String body : List.of(detail, list)) {
            assertThat(body).doesNotContain("costPrice").doesNotContain("availableStock").doesNotContain("stockState")
                    .doesNotContain("onHand").doesNotContain("reserved").doesNotContain("\"37")
                    .doesNotContain("version").doesNotContain("createdBy").doesNotContain("updatedBy")
                    .doesNotContain("barcode").doesNotContain("\"status\"");
        }
        JsonNode sku = json.readTree(detail).get("skus").get(0);
        assertThat(sku.get("salePrice").get("amount").decimalValue()).isEqualByComparingTo("88.00");
        assertThat(sku.get("listPrice").get("amount").decimalValue()).isEqualByComparingTo("999.00");
        JsonNode summary = json.readTree(list).get("items").get(0);
        assertThat(summary.get("minPrice").get("amount").decimalValue()).isEqualByComparingTo("66.00");
        assertThat(summary.get("maxPrice").get("amount").decimalValue()).isEqualByComparingTo("88.00");
    }

    @Test
    void tellsWhetherEachSkuOnSaleIsInStock() throws Exception {
        CategoryView category = fixtures.category();
        ProductView stocked = fixtures.onShelf(category, "10.00", "20.00", "30.00");
        ProductView empty = fixtures.onShelf(category, "40.00");
        SkuView withStock = stocked.skus().get(0);
        SkuView withoutStock = stocked.skus().get(1);
        SkuView inactive = stocked.skus().get(2);
        inventory.receive(new Receipt(withStock.id(), warehouse().id(), 5, null, null));
        ProductView current = catalog.deactivateSku(stocked.id(), inactive.id(), stocked.version());

        JsonNode skus = json.readTree(call("/api/v1/store/products/" + current.id()).getContentAsString()).get("skus");
        assertThat(skus.size()).as("inactive SKUs are not on sale").isEqualTo(2);
        assertThat(skus.valueStream().filter(s -> s.get("id").asLong() == withStock.id().value()).findFirst()
                .orElseThrow().get("inStock").asBoolean()).isTrue();
        assertThat(skus.valueStream().filter(s -> s.get("id").asLong() == withoutStock.id().value()).findFirst()
                .orElseThrow().get("inStock").asBoolean()).isFalse();

        JsonNode items = json.readTree(call("/api/v1/store/products?categoryId=" + category.id() + "&sort=price,asc")
                .getContentAsString()).get("items");
        assertThat(items.get(0).get("id").asLong()).isEqualTo(stocked.id().value());
        assertThat(items.get(0).get("inStock").asBoolean()).isTrue();
        assertThat(items.get(1).get("id").asLong()).isEqualTo(empty.id().value());
        assertThat(items.get(1).get("inStock").asBoolean()).isFalse();
    }

    @Test
    void findsByCategoryWithItsSubcategoriesByPriceAndByKeyword() throws Exception {
        CategoryView parent = fixtures.category();
        CategoryView child = fixtures.category(parent);
        ProductView cheap = fixtures.onShelf(child, "9.90");
        ProductView dear = fixtures.onShelf(parent, "199.00");
        assertThat(ids("/api/v1/store/products?categoryId=" + parent.id() + "&sort=price,asc"))
                .containsExactly(cheap.id().value(), dear.id().value());
        assertThat(ids("/api/v1/store/products?categoryId=" + child.id())).containsExactly(cheap.id().value());
        assertThat(ids("/api/v1/store/products?categoryId=" + parent.id() + "&minPrice=10&maxPrice=500"))
                .containsExactly(dear.id().value());
        assertThat(ids("/api/v1/store/products?q=" + cheap.spuCode())).containsExactly(cheap.id().value());
        JsonNode page = json.readTree(call("/api/v1/store/products?categoryId=" + parent.id() + "&size=1")
                .getContentAsString());
        assertThat(page.get("totalItems").asLong()).isEqualTo(2);
        assertThat(page.get("hasNext").asBoolean()).isTrue();
    }

    @Test
    void showsTheCategoryTreeWithoutInternalFigures() throws Exception {
        CategoryView parent = fixtures.category();
        CategoryView child = fixtures.category(parent);
        fixtures.product(child, "1.00");
        String body = call("/api/v1/store/categories").getContentAsString();
        JsonNode node = json.readTree(body).valueStream().filter(n -> n.get("id").asLong() == parent.id().value())
                .findFirst().orElseThrow();
        assertThat(node.get("name").asString()).isEqualTo(parent.name());
        assertThat(node.get("children").get(0).get("id").asLong()).isEqualTo(child.id().value());
        assertThat(body).doesNotContain("productCount").doesNotContain("version").doesNotContain("\"code\"");
    }

    @Test
    void refusesBadQueriesNamingTheParameter() throws Exception {
        assertThat(call("/api/v1/store/products?sort=cost").getContentAsString()).contains("\"field\":\"sort\"");
        assertThat(call("/api/v1/store/products?minPrice=abc").getContentAsString()).contains("\"field\":\"minPrice\"");
        assertThat(call("/api/v1/store/products?categoryId=999999999").getContentAsString())
                .contains("\"field\":\"categoryId\"");
        assertThat(call("/api/v1/store/products?size=1000").getContentAsString()).contains("\"field\":\"size\"");
        assertThat(call("/api/v1/store/products?q=" + "x".repeat(101)).getStatus()).isEqualTo(400);
        assertThat(call("/api/v1/store/products/abc").getStatus()).isEqualTo(400);
    }

    private ProductView move(ProductView product, ProductStatus status) {
        return catalog.changeStatus(product.id(), status, null, product.version());
    }

    private WarehouseView warehouse() {
        return warehouses.open(new NewWarehouse(CatalogFixtures.unique("WH"), "门店仓", "华东", null));
    }

    private List<Long> ids(String path) throws Exception {
        MockHttpServletResponse response = call(path);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return json.readTree(response.getContentAsString()).get("items").valueStream()
                .map(item -> item.get("id").asLong()).toList();
    }

    private MockHttpServletResponse call(String path) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response;
    }
}
