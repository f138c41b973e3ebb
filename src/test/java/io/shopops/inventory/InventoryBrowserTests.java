package io.shopops.inventory;

import java.nio.file.Path;

import io.shopops.catalog.SkuView;
import io.shopops.identity.Role;
import io.shopops.testing.Browser;
import io.shopops.testing.StaffFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** A warehouse clerk receives stock through the console's form in a real headless Chromium, on a phone-sized screen. */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(InventoryTestConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InventoryBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    StaffFixtures staff;
    @Autowired
    InventoryFixtures fixtures;
    @Autowired
    Inventory inventory;

    private Browser browser;

    @BeforeAll
    void startChromium() throws Exception {
        browser = Browser.startOrSkip("http://localhost:" + port, 390, 844);
    }

    @AfterAll
    void stopChromium() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aWarehouseClerkReceivesStockThroughTheFormOnAPhone() throws Exception {
        SkuView sku = fixtures.sku();
        WarehouseView warehouse = fixtures.warehouse();
        StaffFixtures.Member clerk = staff.member(Role.WAREHOUSE);

        browser.open("/console/inventory/stock?lang=en");
        browser.waitForPath("/login");
        browser.type(By.id("username"), clerk.username());
        browser.type(By.id("password"), StaffFixtures.PASSWORD);
        browser.click(By.id("sign-in"));
        browser.waitForPath("/console/inventory/stock");

        browser.type(By.id("skuCode"), sku.skuCode());
        new Select(browser.find(By.id("warehouseId"))).selectByValue(warehouse.id().toString());
        browser.type(By.id("quantity"), "24");
        browser.click(By.id("receive-submit"));
        browser.waitForText(By.cssSelector(".alert.success"), "Received 24 × " + sku.skuCode());

        assertThat(browser.currentPath()).startsWith("/console/inventory/stock?warehouseId=" + warehouse.id());
        assertThat(browser.pageText()).contains(sku.skuCode()).contains("In stock");
        assertThat(inventory.level(sku.id(), warehouse.id()).onHand()).isEqualTo(24);
        browser.screenshot(Path.of("target/screenshots/inventory-stock-phone.png"));
    }
}
