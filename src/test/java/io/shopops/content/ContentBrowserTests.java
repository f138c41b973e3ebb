package io.shopops.content;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import io.shopops.identity.Role;
import io.shopops.inventory.MutableClock;
import io.shopops.shared.PageQuery;
import io.shopops.testing.Browser;
import io.shopops.testing.StaffFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static io.shopops.content.ContentFixtures.banner;
import static io.shopops.content.ContentFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real headless Chromium on a laptop-sized screen, a marketer writes a banner in the editor, sends it for
 * review and finds it on the content calendar beside a published one; the script typed into its text stays text.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ContentTestConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentBrowserTests {

    static final ZoneId SHOP = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
    @Autowired
    StaffFixtures staff;
    @Autowired
    ContentFixtures fixtures;
    @Autowired
    ContentLibrary library;
    @Autowired
    MutableClock clock;

    private Browser browser;

    @BeforeAll
    void startChromium() throws Exception {
        browser = Browser.startOrSkip("http://localhost:" + port, 1280, 1000);
    }

    @AfterAll
    void stopChromium() {
        if (browser != null) {
            browser.close();
        }
    }

    private Object script(String code, Object... args) {
        return ((JavascriptExecutor) browser.driver()).executeScript(code, args);
    }

    @Test
    void aMarketerWritesABannerSendsItForReviewAndFindsItOnTheCalendar() throws Exception {
        StaffFixtures.Member writer = staff.member(Role.MARKETING_OPS);
        LocalDate today = LocalDate.ofInstant(clock.instant(), SHOP);
        Instant liveFrom = today.atStartOfDay(SHOP).toInstant();
        String liveTitle = unique("会员日");
        fixtures.published("writer-x", "reviewer-y", ContentType.BANNER,
                banner(liveTitle, liveFrom, liveFrom.plus(Duration.ofDays(5)), ContentChannel.MOBILE));
        String title = unique("双11预热");

        browser.open("/console/content/new?lang=en");
        browser.waitForPath("/login");
        browser.type(By.id("username"), writer.username());
        browser.type(By.id("password"), StaffFixtures.PASSWORD);
        browser.click(By.id("sign-in"));
        browser.waitForPath("/console/content/new");

        new Select(browser.find(By.id("type"))).selectByValue("BANNER");
        browser.type(By.id("title"), title);
        browser.type(By.id("body"), "<script>document.title='owned'</script>预热开启");
        browser.type(By.id("imageUrls"), "https://img.example.com/d11/warmup.jpg");
        browser.type(By.id("linkUrl"), "https://shop.example.com/d11");
        browser.click(By.cssSelector("input[name=channels][value=MOBILE]"));
        browser.click(By.cssSelector("input[name=channels][value=PC]"));
        script("document.getElementById('publishFrom').value = arguments[0];"
                + "document.getElementById('publishUntil').value = arguments[1];",
                today.plusDays(1) + "T10:00", today.plusDays(3) + "T22:00");
        browser.click(By.id("save-content"));
        browser.waitForText(By.cssSelector(".alert.success"), "is saved as a draft");
        assertThat(browser.driver().getTitle()).doesNotContain("owned");
        assertThat(browser.find(By.id("current-body")).getText()).contains("<script>");

        browser.click(By.cssSelector("#submit-form button[type=submit]"));
        browser.waitForText(By.cssSelector(".alert.success"), "is waiting for review");
        assertThat(browser.find(By.id("content-status")).getText()).isEqualTo("In review");
        // the writer holds marketing:publish too, but wrote the version: no approval for them
        assertThat(browser.driver().findElements(By.id("approve-form"))).isEmpty();
        assertThat(browser.find(By.id("four-eyes-hint")).getText()).contains("another member");

        YearMonth month = YearMonth.from(today.plusDays(1));
        browser.open("/console/content/calendar?lang=en&month=" + month);
        WebElement day = browser.find(By.id("day-" + today.plusDays(1)));
        assertThat(day.getText()).contains(title);
        List<WebElement> bars = browser.driver().findElements(By.cssSelector(".cal-item.planned"));
        assertThat(bars).extracting(WebElement::getText).contains(title);
        assertThat(browser.driver().findElements(By.cssSelector(".cal-item.live")))
                .extracting(WebElement::getText).contains(liveTitle);
        Object wider = script("return document.documentElement.scrollWidth > window.innerWidth + 1;");
        assertThat(wider).isEqualTo(Boolean.FALSE);
        browser.screenshot(Path.of("target/screenshots/content-calendar-laptop.png"));

        ContentSummary mine = library.find(new ContentQuery(null, null, null, title), PageQuery.first(5)).items()
                .getFirst();
        assertThat(mine.status()).isEqualTo(ContentStatus.IN_REVIEW);
        browser.open("/console/content/" + mine.id() + "?lang=zh-CN");
        browser.screenshot(Path.of("target/screenshots/content-item-laptop.png"));
    }
}
