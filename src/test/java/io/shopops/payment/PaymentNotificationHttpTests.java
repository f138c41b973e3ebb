package io.shopops.payment;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.shopops.payment.NotificationLogEntry.Outcome;
import io.shopops.payment.sandbox.SandboxFaults;
import io.shopops.payment.sandbox.SandboxNotice;
import io.shopops.shared.PageQuery;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On a real server, the sandbox's asynchronous notifications travel over HTTP to the notify endpoint, from a
 * background sender, with its retries: a payment made on the cashier page is settled in ShopOps without anyone
 * calling the facade, duplicates and stale reports change nothing, and a forged one is resent until given up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "shopops.payment.sandbox.retry-delays=100ms,200ms", "shopops.payment.sandbox.max-attempts=3" })
@ActiveProfiles("test")
@Import(PaymentTestConfiguration.class)
class PaymentNotificationHttpTests {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @LocalServerPort
    int port;
    @Autowired
    PaymentFixtures fixtures;
    @Autowired
    Payments payments;
    @Autowired
    PaymentEvents events;

    List<SandboxNotice> notices(PaymentSession session) {
        return fixtures.sandbox().notifications(session.providerPaymentId());
    }

    @Test
    void aPaymentOnTheCashierPageIsSettledByTheSandboxesNotification() throws Exception {
        PaymentSession session = fixtures.start("35.50");
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        URI cashier = URI.create("http://localhost:" + port + session.cashierUrl());

        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(cashier).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> paid = browser.send(HttpRequest.newBuilder(cashier)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("decision=pay&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(paid.statusCode()).isEqualTo(302);

        await().atMost(PATIENCE).until(() -> payments.payment(session.paymentId()).status() == PaymentStatus.SUCCEEDED);
        await().atMost(PATIENCE).until(() -> notices(session).getFirst().status() == SandboxNotice.Status.DELIVERED);
        assertThat(notices(session)).singleElement().satisfies(notice -> {
            assertThat(notice.attempts()).isEqualTo(1);
            assertThat(notice.lastAnswer()).isEqualTo("200 success");
        });
        assertThat(events.published(PaymentSucceeded.class, session.paymentId())).isEqualTo(1);
    }

    @Test
    void duplicatedAndDelayedNotificationsAllArriveAndSettleThePaymentOnce() {
        PaymentSession session = fixtures.start("12.00");

        fixtures.pay(session, SandboxFaults.none().duplicated(3).delayed(Duration.ofMillis(300)));

        await().atMost(PATIENCE).until(() -> notices(session).stream()
                .allMatch(n -> n.status() == SandboxNotice.Status.DELIVERED));
        assertThat(notices(session)).hasSize(4);
        assertThat(payments.detail(session.paymentId()).notifications()).extracting(NotificationLogEntry::outcome)
                .containsExactlyInAnyOrder(Outcome.APPLIED, Outcome.DUPLICATE, Outcome.DUPLICATE, Outcome.DUPLICATE);
        assertThat(events.published(PaymentSucceeded.class, session.paymentId())).isEqualTo(1);
    }

    @Test
    void aStaleFailureDeliveredAfterTheSuccessChangesNothing() {
        PaymentSession session = fixtures.start("13.00");

        fixtures.pay(session, SandboxFaults.none().reorderedFailure());

        await().atMost(PATIENCE).until(() -> notices(session).stream()
                .allMatch(n -> n.status() == SandboxNotice.Status.DELIVERED));
        List<SandboxNotice> delivered = notices(session);
        assertThat(delivered.get(1).deliveredAt()).isAfterOrEqualTo(delivered.get(0).deliveredAt());
        assertThat(payments.payment(session.paymentId()).status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(payments.detail(session.paymentId()).notifications()).extracting(NotificationLogEntry::outcome)
                .containsExactly(Outcome.IGNORED, Outcome.APPLIED);
        assertThat(events.published(PaymentFailed.class, session.paymentId())).isZero();
    }

    @Test
    void aForgedNotificationIsRefusedAtEveryAttemptUntilTheSandboxGivesUp() {
        PaymentSession session = fixtures.start("14.00");
        long incidents = payments.incidents(PaymentIncident.Kind.SIGNATURE_INVALID, PageQuery.first(1)).totalItems();

        fixtures.pay(session, SandboxFaults.none().forgedSignature());

        await().atMost(PATIENCE).until(() -> notices(session).getFirst().status() == SandboxNotice.Status.GAVE_UP);
        assertThat(notices(session).getFirst().attempts()).isEqualTo(3);
        assertThat(notices(session).getFirst().lastAnswer()).startsWith("400 ");
        assertThat(payments.payment(session.paymentId()).status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(payments.incidents(PaymentIncident.Kind.SIGNATURE_INVALID, PageQuery.first(1)).totalItems())
                .isEqualTo(incidents + 3);
    }
}
