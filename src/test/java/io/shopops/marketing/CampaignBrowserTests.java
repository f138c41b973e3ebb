package io.shopops.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import io.shopops.identity.Role;
import io.shopops.ordering.OrderFixtures;
import io.shopops.testing.Browser;
import io.shopops.testing.StaffFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A marketer reads a running campaign's dashboard in a real headless Chromium: the objective's progress and the
 * charts console.js draws with ECharts (spend, GMV and discount by day; budget, spend and GMV by channel; GMV per
 * member of the treatment and hold-out groups).
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(MarketingTestConfiguration.class)
class CampaignBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    StaffFixtures staff;
    @Autowired
    OrderFixtures orders;
    @Autowired
    Campaigns campaigns;

    private Browser browser;

    @BeforeAll
    void startChromium() throws Exception {
        browser = Browser.startOrSkip("http://localhost:" + port, 1280, 1400);
    }

    @AfterAll
    void stopChromium() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theDashboardDrawsTheCampaignsCharts() throws Exception {
        Instant now = Instant.now();
        List<Long> audience = List.of(orders.shopper().id().value(), orders.shopper().id().value(),
                orders.shopper().id().value(), orders.shopper().id().value());
        CampaignView draft = campaigns.create(new NewCampaign(MarketingFixtures.unique("D11"), "双11 会员召回",
                "Members who bought last year, 10 % off", CampaignMetric.GMV, new BigDecimal("50000"),
                now.plus(Duration.ofDays(5)), "Repurchase fell", now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(5)), 7, CampaignAudienceKind.CUSTOMERS, audience, null, 50,
                "https://shop.example/d11", List.of(
                        new NewCampaign.Channel(CampaignChannelKind.KOL, "抖音达人", "douyin", "kol", new BigDecimal("800")),
                        new NewCampaign.Channel(CampaignChannelKind.SMS_EMAIL, "短信", "sms", "crm",
                                new BigDecimal("200")))));
        CampaignView launched = campaigns.launch(draft.id(), draft.version());
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        campaigns.recordSpend(launched.id(), 1, today.minusDays(1), new BigDecimal("300"), null);
        campaigns.recordSpend(launched.id(), 1, today, new BigDecimal("250"), null);
        campaigns.recordSpend(launched.id(), 2, today, new BigDecimal("90"), null);
        StaffFixtures.Member marketer = staff.member(Role.MARKETING_OPS);

        String page = "/console/marketing/campaigns/" + launched.id();
        browser.open(page + "?lang=en");
        browser.waitForPath("/login");
        browser.type(By.id("username"), marketer.username());
        browser.type(By.id("password"), StaffFixtures.PASSWORD);
        browser.click(By.id("sign-in"));
        browser.waitForPath(page);
        browser.waitForText(By.id("objective-progress"), "0 / 50000");

        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        assertThat(js.executeScript(series("daily-chart"))).isEqualTo("line:2,line:2,line:2");
        assertThat(js.executeScript(series("channel-chart"))).isEqualTo("bar:2,bar:2,bar:2");
        assertThat(js.executeScript(series("uplift-chart"))).isEqualTo("bar:2");
        assertThat(browser.find(By.cssSelector("#daily-chart canvas")).isDisplayed()).isTrue();
        assertThat(browser.find(By.id("fig-spend")).getText()).contains("640.00");
        browser.screenshot(Path.of("target/screenshots/campaign-report.png"));
    }

    private static String series(String id) {
        return """
                var chart = window.echarts && window.echarts.getInstanceByDom(document.getElementById('%s'));
                return chart ? chart.getOption().series.map(function (s) { return s.type + ':' + s.data.length; }).join(',') : null;
                """.formatted(id);
    }
}
