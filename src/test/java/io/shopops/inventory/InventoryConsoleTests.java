package io.shopops.inventory;

import java.util.List;

import io.shopops.catalog.SkuView;
import io.shopops.identity.Permission;
import io.shopops.identity.Role;
import io.shopops.shared.Actor;
import io.shopops.shared.PageQuery;
import io.shopops.testing.ShopOpsTest;
import io.shopops.testing.StaffFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The inventory's console pages, signed in as members of different roles, in English and in Chinese. */
@ShopOpsTest
@Import(InventoryTestConfiguration.class)
class InventoryConsoleTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffFixtures staff;
    @Autowired
    InventoryFixtures fixtures;
    @Autowired
    Inventory inventory;
    @Autowired
    Warehouses warehouses;

    SkuView sku;
    WarehouseView warehouse;

    @BeforeEach
    void setUp() {
        sku = fixtures.sku();
        warehouse = fixtures.warehouse();
    }

    /** A signed-in member holding the role, as the console sees them. */
    RequestPostProcessor as(Role role) {
        StaffFixtures.Member member = staff.member(role);
        List<SimpleGrantedAuthority> authorities = new java.util.ArrayList<>(role.permissions().stream()
                .map(Permission::authority).map(SimpleGrantedAuthority::new).toList());
        authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        return authentication(new UsernamePasswordAuthenticationToken(Actor.staff(member.id(), member.username()),
                null, authorities));
    }

    long ledgerSize() {
        return inventory.movements(MovementQuery.all(), PageQuery.first(1)).totalItems();
    }

    @Test
    void stockPageListsLevelsWithStateBadgesAndTheReceiveFormInBothLanguages() throws Exception {
        fixtures.stock(sku.id(), warehouse.id(), 7);
        RequestPostProcessor member = as(Role.WAREHOUSE);

        mvc.perform(get("/console/inventory/stock").param("skuCode", sku.skuCode()).param("lang", "en").with(member))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(sku.skuCode()), containsString("In stock"),
                        containsString("Receive stock"), containsString("id=\"receive-submit\""),
                        containsString("id=\"skuCode\""), containsString("id=\"warehouseId\""),
                        containsString("id=\"quantity\""), not(containsString("<script>")))));
        mvc.perform(get("/console/inventory/stock").param("skuCode", sku.skuCode()).param("lang", "zh-CN")
                        .with(member))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("库存"), containsString("有货"),
                        containsString("入库"))));
    }

    @Test
    void receivingThroughTheFormRedirectsWithAMessageAndAddsStock() throws Exception {
        mvc.perform(post("/console/inventory/stock/receive").with(as(Role.WAREHOUSE)).with(csrf())
                        .param("skuCode", sku.skuCode()).param("warehouseId", warehouse.id().toString())
                        .param("quantity", "12").param("reference", "PO-C1").param("lang", "en"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/console/inventory/stock?warehouseId=" + warehouse.id()))
                .andExpect(flash().attribute("flash", "Received 12 × " + sku.skuCode() + "."));

        assertThat(inventory.level(sku.id(), warehouse.id()).onHand()).isEqualTo(12);
    }

    @Test
    void aRefusedReceiptShowsTheFieldErrorsAndKeepsWhatWasTyped() throws Exception {
        long before = ledgerSize();

        mvc.perform(post("/console/inventory/stock/receive").with(as(Role.WAREHOUSE)).with(csrf())
                        .param("skuCode", "NO-SUCH-SKU").param("warehouseId", warehouse.id().toString())
                        .param("quantity", "2.5").param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("no SKU has the code NO-SUCH-SKU"),
                        containsString("must be a whole number"), containsString("value=\"NO-SUCH-SKU\""),
                        containsString("value=\"2.5\""))));
        mvc.perform(post("/console/inventory/stock/receive").with(as(Role.WAREHOUSE)).with(csrf())
                        .param("skuCode", sku.skuCode()).param("warehouseId", warehouse.id().toString())
                        .param("quantity", "5000000"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("must be at most 1000000")));

        assertThat(ledgerSize()).isEqualTo(before);
    }

    @Test
    void adjustsToACountedQuantityAndRefusesOneWithoutAReason() throws Exception {
        fixtures.stock(sku.id(), warehouse.id(), 10);
        RequestPostProcessor member = as(Role.WAREHOUSE);

        mvc.perform(post("/console/inventory/stock/adjust").with(member).with(csrf())
                        .param("adjustSkuCode", sku.skuCode()).param("adjustWarehouseId", warehouse.id().toString())
                        .param("mode", "count").param("adjustQuantity", "8").param("adjustReason", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("adjustReason")));
        mvc.perform(post("/console/inventory/stock/adjust").with(member).with(csrf())
                        .param("adjustSkuCode", sku.skuCode()).param("adjustWarehouseId", warehouse.id().toString())
                        .param("mode", "count").param("adjustQuantity", "8").param("adjustReason", "盘点"))
                .andExpect(status().is3xxRedirection());

        assertThat(inventory.level(sku.id(), warehouse.id()).onHand()).isEqualTo(8);
    }

    @Test
    void aReadOnlyMemberSeesStockWithoutFormsAndCannotReceive() throws Exception {
        RequestPostProcessor marketing = as(Role.MARKETING_OPS);
        long before = ledgerSize();

        mvc.perform(get("/console/inventory/stock").with(marketing))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("receive-submit"))));
        mvc.perform(post("/console/inventory/stock/receive").with(marketing).with(csrf())
                        .param("skuCode", sku.skuCode()).param("warehouseId", warehouse.id().toString())
                        .param("quantity", "1"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/console/inventory/reconciliation").with(marketing)).andExpect(status().isForbidden());

        assertThat(ledgerSize()).isEqualTo(before);
    }

    @Test
    void managersOpenEditAndDeactivateWarehouses() throws Exception {
        RequestPostProcessor manager = as(Role.OPS_MANAGER);
        String code = InventoryFixtures.unique("WH-C");

        mvc.perform(post("/console/inventory/warehouses").with(manager).with(csrf())
                        .param("code", code).param("name", "成都仓").param("region", "西南"))
                .andExpect(status().is3xxRedirection());
        WarehouseView created = warehouses.all().stream().filter(w -> w.code().equals(code)).findFirst()
                .orElseThrow();
        mvc.perform(get("/console/inventory/warehouses/" + created.id() + "/edit").with(manager))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("成都仓")));
        mvc.perform(post("/console/inventory/warehouses/" + created.id()).with(manager).with(csrf())
                        .param("name", "成都一仓").param("region", "西南").param("version", "0"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/console/inventory/warehouses/" + created.id()).with(manager).with(csrf())
                        .param("name", "stale").param("version", "0"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/console/inventory/warehouses").with(manager).with(csrf())
                        .param("code", code).param("name", "dup").param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("is already used by another warehouse")));
        mvc.perform(post("/console/inventory/warehouses/" + created.id() + "/deactivate").with(manager).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/console/inventory/warehouses/" + created.id() + "/edit").with(manager))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("成都一仓")));
        mvc.perform(get("/console/inventory/warehouses").with(manager).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Open a warehouse"), containsString("Active"))));
        mvc.perform(get("/console/inventory/warehouses/" + created.id() + "/edit").with(as(Role.WAREHOUSE)))
                .andExpect(status().isForbidden());

        assertThat(warehouses.warehouse(created.id()).active()).isFalse();
    }

    @Test
    void setsSafetyStockAndListsTheSkuAsLow() throws Exception {
        fixtures.stock(sku.id(), warehouse.id(), 2);
        RequestPostProcessor member = as(Role.WAREHOUSE);

        mvc.perform(post("/console/inventory/safety-stock").with(member).with(csrf())
                        .param("safetySkuCode", sku.skuCode()).param("safetyQuantity", "950000"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/console/inventory/low-stock").with(member).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(sku.skuCode()), containsString("Low stock"))));
        mvc.perform(post("/console/inventory/safety-stock").with(member).with(csrf())
                        .param("safetySkuCode", sku.skuCode()).param("safetyQuantity", "-4"))
                .andExpect(status().isBadRequest());

        assertThat(inventory.safetyStock(sku.id()).quantity()).isEqualTo(950000);
    }

    @Test
    void movementLedgerFiltersByTypeAndReference() throws Exception {
        inventory.receive(new Receipt(sku.id(), warehouse.id(), 3, "PO-LEDGER-1", null));
        RequestPostProcessor member = as(Role.CUSTOMER_OPS);

        mvc.perform(get("/console/inventory/movements").with(member).param("type", "RECEIPT")
                        .param("reference", "PO-LEDGER-1").param("lang", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("PO-LEDGER-1"), containsString(sku.skuCode()),
                        containsString("入库"))));
        for (int i = 0; i < 51; i++) {
            inventory.receive(new Receipt(sku.id(), warehouse.id(), 1, "PO-PAGER", null));
        }
        mvc.perform(get("/console/inventory/movements?reference=PO-PAGER").with(member))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("reference=PO-PAGER&amp;page=1")));
        mvc.perform(get("/console/inventory/movements").with(member).param("from", "yesterday"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("alert error")));
    }

    @Test
    void reconciliationPageRunsTheCheckAndReportsConsistency() throws Exception {
        fixtures.stock(sku.id(), warehouse.id(), 4);

        mvc.perform(post("/console/inventory/reconciliation").with(as(Role.DATA_OPS)).with(csrf()).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"reconciliation-ok\""),
                        containsString("All consistent"))));
    }
}
