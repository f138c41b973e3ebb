package io.shopops.fulfilment;

import java.nio.file.Path;

import io.shopops.fulfilment.FulfilmentFixtures.Order;
import io.shopops.identity.Role;
import io.shopops.testing.Browser;
import io.shopops.testing.StaffFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Warehouse staff work from their phones: in a real headless Chromium on a phone-sized screen a packer opens the
 * pick list, then picks, packs and dispatches a shipment, and no page is wider than the screen.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(FulfilmentTestConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FulfilmentBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    StaffFixtures staff;
    @Autowired
    FulfilmentFixtures fixtures;
    @Autowired
    Shipments shipments;

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

    /** Whether the page scrolls sideways as a whole (wide tables scroll inside their own box instead). */
    private boolean widerThanTheScreen() {
        Object wider = ((JavascriptExecutor) browser.driver()).executeScript(
                "return document.documentElement.scrollWidth > window.innerWidth + 1;");
        return Boolean.TRUE.equals(wider);
    }

    @Test
    void aPackerPicksPacksAndDispatchesAShipmentOnAPhone() throws Exception {
        Order order = fixtures.order();
        ShipmentView shipment = shipments.create(order.shipment());
        StaffFixtures.Member packer = staff.member(Role.WAREHOUSE);
        String trackingNumber = FulfilmentFixtures.sfTrackingNumber();

        browser.open("/console/fulfilment/pick-list?lang=en&warehouseId=" + order.warehouse().id());
        browser.waitForPath("/login");
        browser.type(By.id("username"), packer.username());
        browser.type(By.id("password"), StaffFixtures.PASSWORD);
        browser.click(By.id("sign-in"));
        browser.waitForPath("/console/fulfilment/pick-list");
        browser.waitForText(By.id("picks"), order.skus().get(0).skuCode());
        assertThat(widerThanTheScreen()).as("pick list on a phone").isFalse();
        browser.screenshot(Path.of("target/screenshots/fulfilment-pick-list-phone.png"));

        browser.click(By.linkText("#" + shipment.id()));
        browser.waitForPath("/console/fulfilment/shipments/" + shipment.id());
        assertThat(browser.pageText()).contains(FulfilmentFixtures.PHONE, FulfilmentFixtures.DETAIL);
        assertThat(widerThanTheScreen()).as("shipment page on a phone").isFalse();
        browser.click(By.id("start-picking"));
        browser.waitForText(By.cssSelector(".alert.success"), "is now: Picking");
        browser.click(By.id("mark-packed"));
        browser.waitForText(By.cssSelector(".alert.success"), "is now: Packed");
        new Select(browser.find(By.id("dispatch-carrier"))).selectByValue("SF");
        browser.type(By.id("dispatch-tracking"), trackingNumber);
        browser.type(By.id("dispatch-weight"), "1500");
        browser.click(By.id("dispatch-submit"));
        browser.waitForText(By.cssSelector(".alert.success"), "dispatched with SF");

        assertThat(browser.pageText()).contains("SF " + trackingNumber, "Dispatched");
        assertThat(widerThanTheScreen()).as("dispatched shipment on a phone").isFalse();
        browser.screenshot(Path.of("target/screenshots/fulfilment-shipment-phone.png"));
        ShipmentView dispatched = shipments.shipment(shipment.id());
        assertThat(dispatched.status()).isEqualTo(ShipmentStatus.DISPATCHED);
        assertThat(dispatched.trackingNumber()).isEqualTo(trackingNumber);

        browser.open("/console/fulfilment/shipments?lang=en");
        assertThat(widerThanTheScreen()).as("shipment list on a phone").isFalse();
        browser.open("/console/fulfilment/late-and-stuck?lang=en");
        assertThat(widerThanTheScreen()).as("late and stuck on a phone").isFalse();
    }
}
