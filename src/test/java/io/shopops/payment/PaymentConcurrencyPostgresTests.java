package io.shopops.payment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.shopops.payment.NotificationLogEntry.Outcome;
import io.shopops.payment.sandbox.SandboxFaults;
import io.shopops.payment.sandbox.SandboxNotice;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.DomainException;
import io.shopops.shared.InvalidInputException;
import io.shopops.shared.Money;
import io.shopops.testing.PostgresTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.shopops.payment.PaymentFixtures.FORM;
import static io.shopops.payment.PaymentFixtures.cny;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications and refunds racing each other on the machine's PostgreSQL: however a provider's reports are
 * replayed, duplicated, reordered or falsified, a payment makes exactly one transition and one PaymentSucceeded
 * publication; however refunds race, they never exceed what was captured.
 */
@PostgresTest
@Import(PaymentTestConfiguration.class)
class PaymentConcurrencyPostgresTests {

    @Autowired
    Payments payments;
    @Autowired
    PaymentFixtures fixtures;
    @Autowired
    PaymentEvents events;
    @Autowired
    JdbcClient jdbc;

    /** Runs every task on its own thread, all released at once by a start gate; returns their results in order. */
    static <T> List<T> race(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Delivers a notification body and answers what the caller got: the acknowledgement or the refusal. */
    String deliver(String body) {
        try {
            return payments.handleNotification("sandbox", FORM, body).body();
        } catch (BusinessRuleException refused) {
            return "422 " + refused.violations().getFirst().field();
        } catch (InvalidInputException refused) {
            return "400 " + refused.violations().getFirst().field();
        }
    }

    long applied(PaymentId id) {
        return payments.detail(id).notifications().stream().filter(n -> n.outcome() == Outcome.APPLIED).count();
    }

    @Test
    void twentyThreadsDeliveringTheSameSuccessMakeOneTransitionAndOnePublication() throws Exception {
        PaymentSession session = fixtures.start("199.00");
        List<SandboxNotice> notices = fixtures.pay(session, SandboxFaults.none().duplicated(19));
        assertThat(notices).hasSize(20).extracting(SandboxNotice::body).containsOnly(notices.getFirst().body());

        List<String> answers = race(notices.stream().<Callable<String>>map(n -> () -> deliver(n.body())).toList());

        assertThat(answers).containsOnly("success");
        assertThat(payments.payment(session.paymentId()).status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(applied(session.paymentId())).isEqualTo(1);
        assertThat(payments.detail(session.paymentId()).notifications()).hasSize(20);
        assertThat(events.published(PaymentSucceeded.class, session.paymentId())).isEqualTo(1);
        assertThat(events.awaitReceived(PaymentSucceeded.class, session.paymentId(), 1)).hasSize(1);
    }

    @Test
    void replayedReorderedWrongAndForgedNotificationsAtOnceLeaveExactlyOneSuccess() throws Exception {
        PaymentSession session = fixtures.start("58.00");
        List<SandboxNotice> paid = fixtures.pay(session, SandboxFaults.none().duplicated(9).reorderedFailure());
        String success = paid.getFirst().body();
        String staleFailure = paid.getLast().body();
        String wrongAmount = success.replace("total_amount=58.00", "total_amount=5.80");
        String wrongButSigned = fixtures.sandbox().signedBody(parameters(success, "total_amount", "5.80"));
        String forged = wrongAmount;
        List<Callable<String>> storm = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            storm.add(() -> deliver(success));
            storm.add(() -> deliver(wrongButSigned));
            storm.add(() -> deliver(forged));
        }

        List<String> answers = race(storm);
        // the stale failure arrives after the success, then everything once more
        String late = deliver(staleFailure);
        List<String> replayed = race(List.<Callable<String>>of(() -> deliver(success), () -> deliver(staleFailure),
                () -> deliver(wrongButSigned), () -> deliver(forged)));

        assertThat(Collections.frequency(answers, "success")).isEqualTo(10);
        assertThat(Collections.frequency(answers, "422 amount")).isEqualTo(10);
        assertThat(Collections.frequency(answers, "400 signature")).isEqualTo(10);
        assertThat(late).isEqualTo("success");
        assertThat(replayed).containsExactly("success", "success", "422 amount", "400 signature");
        PaymentView payment = payments.payment(session.paymentId());
        assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(payment.amount()).isEqualTo(cny("58.00"));
        assertThat(applied(session.paymentId())).isEqualTo(1);
        assertThat(events.published(PaymentSucceeded.class, session.paymentId())).isEqualTo(1);
        assertThat(events.published(PaymentFailed.class, session.paymentId())).isZero();
        assertThat(payments.detail(session.paymentId()).incidents()).hasSize(11)
                .allMatch(i -> i.kind() == PaymentIncident.Kind.AMOUNT_MISMATCH);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payment_incident WHERE kind = 'SIGNATURE_INVALID' AND payload = :body")
                .param("body", forged).query(Long.class).single()).isEqualTo(11);
    }

    /** The parameters of a form body with one value changed (and the old signature left out). */
    private static java.util.Map<String, String> parameters(String body, String name, String value) {
        java.util.Map<String, String> parameters = new java.util.TreeMap<>(
                io.shopops.payment.sandbox.SandboxSignature.parse(body));
        parameters.remove("sign");
        parameters.remove("sign_type");
        parameters.put(name, value);
        return parameters;
    }

    @Test
    void concurrentPartialRefundsNeverExceedTheCapturedAmount() throws Exception {
        PaymentView paid = fixtures.paid("100.00");
        List<Callable<String>> refunds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            refunds.add(() -> {
                try {
                    return payments.refund(new RefundRequest(paid.id(), cny("7.00"), null, UUID.randomUUID().toString()))
                            .status().name();
                } catch (BusinessRuleException refused) {
                    return refused.code();
                }
            });
        }

        List<String> outcomes = race(refunds);

        assertThat(Collections.frequency(outcomes, "SUCCEEDED")).isEqualTo(14);
        assertThat(Collections.frequency(outcomes, "refund-exceeds-captured")).isEqualTo(6);
        PaymentView payment = payments.payment(paid.id());
        assertThat(payment.refundedAmount()).isEqualTo(cny("98.00"));
        List<RefundView> made = payments.detail(paid.id()).refunds();
        assertThat(made).hasSize(14).allMatch(r -> r.status() == RefundStatus.SUCCEEDED);
        assertThat(made.stream().map(RefundView::amount).reduce(Money::plus)).contains(cny("98.00"));
        assertThat(fixtures.sandbox().trade(paid.providerPaymentId()).refundedAmount()).isEqualTo(cny("98.00"));
        assertThat(events.awaitReceived(RefundSucceeded.class, paid.id(), 14)).hasSize(14);
    }

    @Test
    void oneRefundSentConcurrentlyUnderOneKeyIsMadeOnce() throws Exception {
        PaymentView paid = fixtures.paid("40.00");
        String key = UUID.randomUUID().toString();
        List<Callable<Object>> same = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            same.add(() -> {
                try {
                    return payments.refund(new RefundRequest(paid.id(), cny("40.00"), "broken", key)).id();
                } catch (DomainException refused) {
                    return refused.getClass().getSimpleName();
                }
            });
        }

        List<Object> outcomes = race(same);

        assertThat(outcomes).doesNotHaveAnyElementsOfTypes(String.class).hasSize(12);
        assertThat(outcomes.stream().distinct().toList()).hasSize(1);
        assertThat(payments.detail(paid.id()).refunds()).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(RefundStatus.SUCCEEDED));
        assertThat(payments.payment(paid.id()).refundedAmount()).isEqualTo(cny("40.00"));
        assertThat(events.published(RefundSucceeded.class, paid.id())).isEqualTo(1);
    }

    @Test
    void concurrentStartsForOneReferenceOpenOnePayment() throws Exception {
        String reference = PaymentFixtures.reference();
        List<Callable<PaymentId>> starts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            starts.add(() -> payments.start(new PaymentRequest(reference, cny("12.00"), "Order", "sandbox", null))
                    .paymentId());
        }

        List<PaymentId> ids = race(starts);

        assertThat(ids.stream().distinct().toList()).hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payment WHERE reference = :r").param("r", reference)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM sandbox_trade WHERE passback = :r").param("r", reference)
                .query(Long.class).single()).isEqualTo(1);
    }
}
