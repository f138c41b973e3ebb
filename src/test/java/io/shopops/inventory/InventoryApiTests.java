package io.shopops.inventory;

import java.util.List;

import io.shopops.catalog.SkuView;
import io.shopops.identity.Role;
import io.shopops.shared.PageQuery;
import io.shopops.testing.PostgresTest;
import io.shopops.testing.ShopOpsTest;
import io.shopops.testing.StaffFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The inventory's REST API: what it accepts, what it refuses (naming the field, writing nothing), who may call it. */
class InventoryApiTests {

    @Import(InventoryTestConfiguration.class)
    abstract static class Contract {

        @Autowired
        MockMvc mvc;
        @Autowired
        StaffFixtures staff;
        @Autowired
        InventoryFixtures fixtures;
        @Autowired
        Inventory inventory;

        String warehouseStaff;
        SkuView sku;
        WarehouseView warehouse;

        @BeforeEach
        void setUp() {
            warehouseStaff = staff.member(Role.WAREHOUSE).bearer();
            sku = fixtures.sku();
            warehouse = fixtures.warehouse();
        }

        long ledgerSize() {
            return inventory.movements(MovementQuery.all(), PageQuery.first(1)).totalItems();
        }

        ResultActions postJson(String path, String json, String bearer) throws Exception {
            return mvc.perform(post(path).header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON)
                    .content(json));
        }

        String receipt(String quantity) {
            return """
                    {"skuId": %d, "warehouseId": %d, "quantity": %s}""".formatted(sku.id().value(),
                    warehouse.id().value(), quantity);
        }

        @Test
        void receivesStockAndListsItByWarehouseAndSkuCode() throws Exception {
            postJson("/api/v1/admin/inventory/receipts", """
                    {"skuId": %d, "warehouseId": %d, "quantity": 25, "reference": "PO-88"}"""
                    .formatted(sku.id().value(), warehouse.id().value()), warehouseStaff)
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.movements[0].type").value("RECEIPT"))
                    .andExpect(jsonPath("$.levels[0].onHand").value(25));

            mvc.perform(get("/api/v1/admin/inventory/stock").param("warehouseId", warehouse.id().toString())
                            .param("skuCode", sku.skuCode()).header("Authorization", warehouseStaff))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.totalItems").value(1))
                    .andExpect(jsonPath("$.items[0].skuId").value(sku.id().value()))
                    .andExpect(jsonPath("$.items[0].available").value(25))
                    .andExpect(jsonPath("$.items[0].state").value("IN_STOCK"));
            mvc.perform(get("/api/v1/admin/inventory/movements").param("reference", "PO-88")
                            .param("type", "RECEIPT").header("Authorization", warehouseStaff))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[0].onHandDelta").value(25));
        }

        @Test
        void refusesQuantitiesThatAreNotWholeNumbersFromOneToAMillionAndWritesNothing() throws Exception {
            long before = ledgerSize();
            for (String quantity : List.of("0", "-3", "1000001", "99999999999999999999999", "1.5", "\"many\"",
                    "true", "null", "[1]")) {
                postJson("/api/v1/admin/inventory/receipts", receipt(quantity), warehouseStaff)
                        .andExpect(status().isBadRequest())
                        .andExpect(jsonPath("$.errors[*].field", hasItem("quantity")));
            }
            postJson("/api/v1/admin/inventory/reservations", """
                    {"reference": "ORDER-X1", "lines": [{"skuId": %d, "warehouseId": %d, "quantity": 0.5}]}"""
                    .formatted(sku.id().value(), warehouse.id().value()), warehouseStaff)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("lines[0].quantity"));
            assertThat(ledgerSize()).isEqualTo(before);
        }

        @Test
        void refusesUnknownSkusAndWarehousesNamingTheField() throws Exception {
            long before = ledgerSize();
            postJson("/api/v1/admin/inventory/receipts", """
                    {"skuId": 99999999, "warehouseId": %d, "quantity": 1}""".formatted(warehouse.id().value()),
                    warehouseStaff)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("skuId"));
            postJson("/api/v1/admin/inventory/receipts", """
                    {"skuId": %d, "warehouseId": 99999999, "quantity": 1}""".formatted(sku.id().value()),
                    warehouseStaff)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("warehouseId"));
            postJson("/api/v1/admin/inventory/reservations", """
                    {"reference": "ORDER-X2", "lines": [{"skuId": 99999999, "warehouseId": %d, "quantity": 1}]}"""
                    .formatted(warehouse.id().value()), warehouseStaff)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("lines[0].skuId"));
            assertThat(ledgerSize()).isEqualTo(before);
        }

        @Test
        void refusesAnAdjustmentWithoutAReason() throws Exception {
            fixtures.stock(sku.id(), warehouse.id(), 5);
            long before = ledgerSize();

            postJson("/api/v1/admin/inventory/adjustments", """
                    {"skuId": %d, "warehouseId": %d, "delta": -2}""".formatted(sku.id().value(),
                    warehouse.id().value()), warehouseStaff)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("reason"));
            postJson("/api/v1/admin/inventory/adjustments", """
                    {"skuId": %d, "warehouseId": %d, "delta": -2, "countedQuantity": 3, "reason": "x"}"""
                    .formatted(sku.id().value(), warehouse.id().value()), warehouseStaff)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("delta"));

            assertThat(ledgerSize()).isEqualTo(before);
            postJson("/api/v1/admin/inventory/adjustments", """
                    {"skuId": %d, "warehouseId": %d, "countedQuantity": 3, "reason": "盘点"}"""
                    .formatted(sku.id().value(), warehouse.id().value()), warehouseStaff)
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.movements[0].onHandDelta").value(-2));
        }

        @Test
        void refusesWrongJsonTypesUnknownFieldsAndBrokenJsonNamingTheField() throws Exception {
            long before = ledgerSize();
            postJson("/api/v1/admin/inventory/receipts", """
                    {"skuId": "abc", "warehouseId": 1, "quantity": 1}""", warehouseStaff)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("skuId"));
            postJson("/api/v1/admin/inventory/receipts", """
                    {"skuId": 1.5, "warehouseId": 1, "quantity": 1}""", warehouseStaff)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("skuId"));
            postJson("/api/v1/admin/inventory/receipts", receipt("1").replace("}", ", \"colour\": \"red\"}"),
                    warehouseStaff)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("colour"));
            postJson("/api/v1/admin/inventory/reservations", """
                    {"reference": "ORDER-X3", "lines": {"skuId": 1}}""", warehouseStaff)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("lines"));
            postJson("/api/v1/admin/inventory/reservations", """
                    {"reference": "ORDER-X4", "lines": [], "timeToLive": "soon"}""", warehouseStaff)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("timeToLive"));
            postJson("/api/v1/admin/inventory/receipts", "{\"skuId\": ", warehouseStaff)
                    .andExpect(status().isBadRequest());
            mvc.perform(get("/api/v1/admin/inventory/stock").param("state", "PLENTY")
                            .header("Authorization", warehouseStaff))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("state"));
            mvc.perform(get("/api/v1/admin/inventory/movements").param("size", "201")
                            .header("Authorization", warehouseStaff))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("size"));
            assertThat(ledgerSize()).isEqualTo(before);
        }

        @Test
        void refusesAnOversizePayloadBeforeReadingIt() throws Exception {
            long before = ledgerSize();
            String padding = "x".repeat(1_100_000);

            postJson("/api/v1/admin/inventory/receipts", receipt("1").replace("}", ", \"reason\": \"" + padding + "\"}"),
                    warehouseStaff)
                    .andExpect(status().isPayloadTooLarge());

            assertThat(ledgerSize()).isEqualTo(before);
        }

        @Test
        void reservesReleasesAndShipsOverTheApiWithProblemDetailsForRefusals() throws Exception {
            fixtures.stock(sku.id(), warehouse.id(), 5);
            String reference = InventoryFixtures.unique("ORDER");
            String body = """
                    {"reference": "%s", "lines": [{"skuId": %d, "warehouseId": %d, "quantity": 2}]}"""
                    .formatted(reference, sku.id().value(), warehouse.id().value());

            String created = postJson("/api/v1/admin/inventory/reservations", body, warehouseStaff)
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.status").value("ACTIVE"))
                    .andExpect(jsonPath("$.lines[0].quantity").value(2))
                    .andReturn().getResponse().getContentAsString();
            long id = Long.parseLong(created.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
            postJson("/api/v1/admin/inventory/reservations", body, warehouseStaff)
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.errors[0].field").value("reference"));
            postJson("/api/v1/admin/inventory/reservations", """
                    {"reference": "%s", "lines": [{"skuId": %d, "warehouseId": %d, "quantity": 1},
                                                   {"skuId": %d, "warehouseId": %d, "quantity": 4}]}"""
                    .formatted(reference + "-b", sku.id().value(), warehouse.id().value(), sku.id().value(),
                            warehouse.id().value()), warehouseStaff)
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.type").value("urn:shopops:problem:insufficient-stock"))
                    .andExpect(jsonPath("$.errors[0].field").value("lines[1].quantity"))
                    .andExpect(jsonPath("$.errors[0].reason", containsString("only 2 available")));

            mvc.perform(get("/api/v1/admin/inventory/reservations").param("reference", reference)
                            .header("Authorization", warehouseStaff))
                    .andExpect(jsonPath("$.totalItems").value(1));
            postJson("/api/v1/admin/inventory/reservations/" + id + "/release", "", warehouseStaff)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("RELEASED"));
            postJson("/api/v1/admin/inventory/reservations/" + id + "/ship", "", warehouseStaff)
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.type").value("urn:shopops:problem:reservation-not-active"));
            mvc.perform(get("/api/v1/admin/inventory/reservations/99999999").header("Authorization", warehouseStaff))
                    .andExpect(status().isNotFound());
            assertThat(inventory.level(sku.id(), warehouse.id()).reserved()).isZero();
        }

        @Test
        void managesWarehousesWithOptimisticVersionsAndRefusesClosingOneWithStock() throws Exception {
            String manager = staff.member(Role.OPS_MANAGER).bearer();
            String code = InventoryFixtures.unique("WH-API");
            String created = postJson("/api/v1/admin/inventory/warehouses", """
                    {"code": "%s", "name": "广州仓", "region": "华南", "address": "广州市白云区"}""".formatted(code),
                    manager)
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.active").value(true))
                    .andReturn().getResponse().getContentAsString();
            long id = Long.parseLong(created.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));

            mvc.perform(put("/api/v1/admin/inventory/warehouses/" + id).header("Authorization", manager)
                            .contentType(MediaType.APPLICATION_JSON).content("""
                                    {"name": "广州一仓", "region": "华南", "version": 0}"""))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.version").value(1));
            mvc.perform(put("/api/v1/admin/inventory/warehouses/" + id).header("Authorization", manager)
                            .contentType(MediaType.APPLICATION_JSON).content("""
                                    {"name": "stale", "version": 0}"""))
                    .andExpect(status().isConflict());
            postJson("/api/v1/admin/inventory/warehouses", """
                    {"code": "%s", "name": "dup"}""".formatted(code), manager)
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.errors[0].field").value("code"));
            fixtures.stock(sku.id(), new WarehouseId(id), 1);
            postJson("/api/v1/admin/inventory/warehouses/" + id + "/deactivate", "", manager)
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.type").value("urn:shopops:problem:warehouse-holds-stock"));
            postJson("/api/v1/admin/inventory/warehouses/" + warehouse.id() + "/deactivate", "", manager)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.active").value(false));
        }

        @Test
        void grantsEachEndpointToItsPermissionOnly() throws Exception {
            String marketing = staff.member(Role.MARKETING_OPS).bearer();
            String dataOps = staff.member(Role.DATA_OPS).bearer();
            long before = ledgerSize();

            postJson("/api/v1/admin/inventory/receipts", receipt("1"), marketing).andExpect(status().isForbidden());
            mvc.perform(get("/api/v1/admin/inventory/low-stock").header("Authorization", marketing))
                    .andExpect(status().isOk());
            postJson("/api/v1/admin/inventory/warehouses", "{\"code\": \"NOPE\", \"name\": \"x\"}", warehouseStaff)
                    .andExpect(status().isForbidden());
            postJson("/api/v1/admin/inventory/reconciliation", "", marketing).andExpect(status().isForbidden());
            postJson("/api/v1/admin/inventory/reconciliation", "", dataOps)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.rowsChecked").isNumber())
                    .andExpect(jsonPath("$.mismatches").isEmpty());
            mvc.perform(get("/api/v1/admin/inventory/stock")).andExpect(status().isUnauthorized());

            assertThat(ledgerSize()).isEqualTo(before);
        }

        @Test
        void setsSafetyStockAndReportsTheSkuAsLow() throws Exception {
            fixtures.stock(sku.id(), warehouse.id(), 3);

            mvc.perform(put("/api/v1/admin/inventory/safety-stock/" + sku.id()).header("Authorization", warehouseStaff)
                            .contentType(MediaType.APPLICATION_JSON).content("{\"quantity\": 800000}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.quantity").value(800000));
            mvc.perform(put("/api/v1/admin/inventory/safety-stock/" + sku.id()).header("Authorization", warehouseStaff)
                            .contentType(MediaType.APPLICATION_JSON).content("{\"quantity\": -1}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("quantity"));

            mvc.perform(get("/api/v1/admin/inventory/low-stock").param("size", "200")
                            .header("Authorization", warehouseStaff))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[*].skuCode", hasItem(sku.skuCode())));
            mvc.perform(get("/api/v1/admin/inventory/figures").header("Authorization", warehouseStaff))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.stockValue.amount").isNumber());
        }
    }

    @Nested
    @ShopOpsTest
    @Import(InventoryTestConfiguration.class)
    class OnH2 extends Contract {
    }

    @Nested
    @PostgresTest
    @Import(InventoryTestConfiguration.class)
    class OnPostgres extends Contract {
    }
}
