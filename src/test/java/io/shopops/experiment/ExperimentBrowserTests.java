package io.shopops.experiment;

import java.nio.file.Path;
import java.time.Instant;

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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static io.shopops.experiment.ExperimentFixtures.definition;
import static io.shopops.experiment.ExperimentFixtures.running;
import static io.shopops.experiment.ExperimentFixtures.uniqueKey;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A marketer reads a running experiment in a real headless Chromium: the early-reading warning, and the chart of
 * conversion rates drawn by console.js with an interval whisker over each bar.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExperimentBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    StaffFixtures staff;
    @Autowired
    Experiments experiments;
    @Autowired
    ExperimentTracking tracking;

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

    @Test
    void theResultsChartDrawsRatesWithIntervalWhiskersUnderTheEarlyReadingWarning() throws Exception {
        ExperimentView e = running(experiments, definition(uniqueKey("chart"), ExperimentUnit.DEVICE,
                ExperimentMetric.CUSTOM_EVENT, Instant.now()));
        for (int i = 0; i < 60; i++) {
            tracking.assign(e.key(), null, "browser-" + i);
            if (i % 4 == 0) {
                tracking.convert(e.key(), null, "browser-" + i, "signup");
            }
        }
        StaffFixtures.Member marketer = staff.member(Role.MARKETING_OPS);

        browser.open("/console/experiments/" + e.key() + "?lang=en");
        browser.waitForPath("/login");
        browser.type(By.id("username"), marketer.username());
        browser.type(By.id("password"), StaffFixtures.PASSWORD);
        browser.click(By.id("sign-in"));
        browser.waitForPath("/console/experiments/" + e.key());
        browser.waitForText(By.id("early-reading"), "Reading early: the planned sample is 3,841 per variant");

        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        Object series = js.executeScript("""
                var chart = window.echarts && window.echarts.getInstanceByDom(document.getElementById('rates-chart'));
                return chart ? chart.getOption().series.map(function (s) { return s.type + ':' + s.data.length; }).join(',') : null;
                """);
        assertThat(series).isEqualTo("bar:2,custom:2");
        assertThat(browser.find(By.cssSelector("#rates-chart canvas")).isDisplayed()).isTrue();
        browser.screenshot(Path.of("target/screenshots/experiment-results.png"));
    }
}
