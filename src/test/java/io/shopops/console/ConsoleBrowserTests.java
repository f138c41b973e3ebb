package io.shopops.console;

import java.nio.file.Files;
import java.nio.file.Path;

import io.shopops.shared.StorageProperties;
import io.shopops.testing.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real headless Chromium, as a new shop's administrator meets it on the first start of an
 * embedded database with the demo shop: sign in with the generated password, choose their own, see the
 * shop's figures, create a product with two SKUs, put it on the shelf, find it, switch the language.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "shopops.demo.enabled=true")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTests {

    private static final String NEW_PASSWORD = "my-shop-2026!";

    @LocalServerPort
    int port;
    @Autowired
    StorageProperties storage;

    private Browser browser;

    @BeforeAll
    void startChromium() throws Exception {
        browser = Browser.startOrSkip("http://localhost:" + port, 1280, 900);
    }

    @AfterAll
    void stopChromium() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void theFirstAdministratorSignsInAndMustChooseAPassword() throws Exception {
        String[] generated = Files.readString(storage.dataDir().resolve("initial-admin-password")).trim().split(":", 2);
        browser.open("/console");
        browser.waitForPath("/login");
        browser.type(By.id("username"), generated[0]);
        browser.type(By.id("password"), generated[1]);
        browser.click(By.id("sign-in"));
        browser.waitForPath("/console/account/password");

        browser.type(By.id("currentPassword"), generated[1]);
        browser.type(By.id("newPassword"), NEW_PASSWORD);
        browser.type(By.id("confirmPassword"), NEW_PASSWORD);
        browser.click(By.id("change-password"));
        browser.waitForPath("/console");
        assertThat(Files.exists(storage.dataDir().resolve("initial-admin-password")))
                .as("the generated password is forgotten once changed").isFalse();
    }

    @Test
    @Order(2)
    void theHomePageShowsTheDemoShopsFigures() throws Exception {
        browser.open("/console?lang=zh-CN");
        assertThat(browser.find(By.cssSelector("#tile-on-shelf .value")).getText()).matches("[1-9][0-9,]*");
        assertThat(browser.find(By.cssSelector("#tile-skus .value")).getText()).matches("[1-9][0-9,]*");
        assertThat(browser.find(By.cssSelector("#tile-stock-value .value")).getText()).startsWith("¥");
        browser.find(By.cssSelector(".chart canvas"));
        browser.screenshot(Path.of("target/screenshots/console-home.png"));
    }

    @Test
    @Order(3)
    void createsAProductWithTwoSkusPutsItOnTheShelfAndFindsIt() throws Exception {
        String spu = "SPU-BROWSER-" + System.nanoTime() % 100000;
        browser.open("/console/catalog/products/new");
        browser.type(By.id("spuCode"), spu);
        browser.type(By.id("title"), "浏览器测试 真丝衬衫");
        new Select(browser.find(By.id("categoryId"))).selectByIndex(1);
        fillSku(0, spu + "-W", "颜色:白色", "299", "259", "120.50");
        browser.click(By.id("add-sku"));
        fillSku(1, spu + "-B", "颜色:黑色", "299", "299", "120.50");
        browser.click(By.id("save-product"));
        browser.find(By.id("shelve"));
        assertThat(browser.pageText()).contains(spu + "-W").contains(spu + "-B");

        browser.click(By.id("shelve"));
        browser.find(By.id("unshelve"));
        assertThat(browser.pageText()).contains("已上架");

        browser.open("/console/catalog/products");
        browser.type(By.id("q"), spu);
        browser.find(By.id("q")).submit();
        browser.waitForText(By.tagName("tbody"), spu);
        assertThat(browser.find(By.tagName("tbody")).getText()).contains("浏览器测试 真丝衬衫").contains("已上架");
        browser.screenshot(Path.of("target/screenshots/products-search.png"));
    }

    private void fillSku(int row, String code, String attributes, String list, String sale, String cost) {
        browser.type(By.id("skus[" + row + "].skuCode"), code);
        browser.type(By.id("skus[" + row + "].attributes"), attributes);
        browser.type(By.id("skus[" + row + "].listPrice"), list);
        browser.type(By.id("skus[" + row + "].salePrice"), sale);
        browser.type(By.id("skus[" + row + "].costPrice"), cost);
    }

    @Test
    @Order(90)
    void switchesBetweenChineseAndEnglish() throws Exception {
        browser.open("/console/staff/roles");
        browser.click(By.id("lang-zh"));
        browser.waitForText(By.tagName("h1"), "角色与权限");
        browser.click(By.id("lang-en"));
        browser.waitForText(By.tagName("h1"), "Roles and permissions");
        assertThat(browser.pageText()).contains("Product ops").doesNotContain("产品运营");
        browser.open("/console/audit");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Audit log");
        browser.screenshot(Path.of("target/screenshots/audit-en.png"));
    }
}
