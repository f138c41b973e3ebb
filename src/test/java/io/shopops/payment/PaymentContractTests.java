package io.shopops.payment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.shopops.audit.AuditLog;
import io.shopops.audit.AuditQuery;
import io.shopops.inventory.MutableClock;
import io.shopops.payment.DailyReconciliation.Entry;
import io.shopops.payment.DailyReconciliation.Kind;
import io.shopops.payment.NotificationLogEntry.Outcome;
import io.shopops.payment.NotificationLogEntry.Source;
import io.shopops.payment.internal.PaymentRepairJob;
import io.shopops.payment.sandbox.SandboxFaults;
import io.shopops.payment.sandbox.SandboxNotice;
import io.shopops.payment.sandbox.SandboxTrade;
import io.shopops.shared.Actor;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.ConflictException;
import io.shopops.shared.DomainException;
import io.shopops.shared.FieldViolation;
import io.shopops.shared.InvalidInputException;
import io.shopops.shared.Money;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.PageQuery;
import io.shopops.testing.PostgresTest;
import io.shopops.testing.ShopOpsTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static io.shopops.payment.PaymentFixtures.FORM;
import static io.shopops.payment.PaymentFixtures.cny;
import static io.shopops.payment.PaymentFixtures.reference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The payment facade's behaviour with the sandbox provider, the same on H2 and on PostgreSQL. */
class PaymentContractTests {

    @Import(PaymentTestConfiguration.class)
    abstract static class Contract {

        @Autowired
        Payments payments;
        @Autowired
        PaymentFixtures fixtures;
        @Autowired
        PaymentEvents events;
        @Autowired
        PaymentRepairJob repairJob;
        @Autowired
        MutableClock clock;
        @Autowired
        AuditLog auditLog;
        @Autowired
        JdbcClient jdbc;
        @Autowired
        org.springframework.transaction.PlatformTransactionManager transactionManager;
        org.springframework.transaction.support.TransactionTemplate transactions;

        @org.junit.jupiter.api.BeforeEach
        void transactions() {
            transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        }

        @AfterEach
        void signOut() {
            SecurityContextHolder.clearContext();
        }

        static void assertRefused(Runnable action, Class<? extends DomainException> type, String... fields) {
            assertThatThrownBy(action::run).isInstanceOf(type)
                    .satisfies(e -> assertThat(((DomainException) e).violations()).extracting(FieldViolation::field)
                            .contains(fields));
        }

        long count(String table) {
            return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
        }

        Acknowledged deliver(String body) {
            return new Acknowledged(payments.handleNotification("sandbox", FORM, body));
        }

        record Acknowledged(PaymentProvider.Acknowledgement answer) {
        }

        List<NotificationLogEntry> log(PaymentId id) {
            return payments.detail(id).notifications();
        }

        // --- starting ------------------------------------------------------------------------------------------

        @Test
        void startsAPendingPaymentAtTheProviderAndAnswersWhereTheCustomerPays() {
            String reference = reference();

            PaymentSession session = payments.start(new PaymentRequest(reference, cny("88.80"), "Order " + reference,
                    "sandbox", Duration.ofMinutes(30)));

            assertThat(session.cashierUrl()).startsWith("/sandbox/pay/");
            assertThat(session.qrPayload()).isEqualTo(session.cashierUrl());
            assertThat(session.providerPaymentId()).startsWith("SBX");
            PaymentView payment = payments.payment(session.paymentId());
            assertThat(payment.status()).isEqualTo(PaymentStatus.PENDING);
            assertThat(payment.reference()).isEqualTo(reference);
            assertThat(payment.amount()).isEqualTo(cny("88.80"));
            assertThat(payment.expiresAt()).isEqualTo(session.expiresAt());
            assertThat(payment.merchantTradeNo()).hasSize(32);
            SandboxTrade trade = fixtures.sandbox().trade(session.providerPaymentId());
            assertThat(trade.outTradeNo()).isEqualTo(payment.merchantTradeNo());
            assertThat(trade.amount()).isEqualTo(cny("88.80"));
            assertThat(trade.reference()).isEqualTo(reference);
            assertThat(trade.status()).isEqualTo(SandboxTrade.Status.WAIT_BUYER_PAY);
        }

        @Test
        void startingAgainWithTheSameAmountReturnsTheOpenPaymentAndWithAnotherAmountIsAConflict() {
            String reference = reference();
            PaymentSession first = payments.start(new PaymentRequest(reference, cny("10.00"), "Order", "sandbox", null));

            PaymentSession again = payments.start(new PaymentRequest(reference, cny("10.00"), "Order", "sandbox", null));

            assertThat(again).isEqualTo(first);
            assertRefused(() -> payments.start(new PaymentRequest(reference, cny("10.01"), "Order", "sandbox", null)),
                    ConflictException.class, "amount");
            assertThat(payments.find(new PaymentQuery(null, reference, null, null, null), PageQuery.first(10))
                    .totalItems()).isEqualTo(1);
        }

        @Test
        void refusesABadPaymentRequestNamingEveryFieldAndWritesNothing() {
            long before = count("payment");

            assertRefused(() -> payments.start(new PaymentRequest(" ", cny("0.00"), "", "no such code!", Duration.ZERO)),
                    InvalidInputException.class, "reference", "amount", "subject", "providerCode", "expiresIn");
            assertRefused(() -> payments.start(new PaymentRequest("x".repeat(65), cny("-1.00"), "s", "sandbox",
                    Duration.ofDays(2))), InvalidInputException.class, "reference", "amount", "expiresIn");
            assertRefused(() -> payments.start(new PaymentRequest(reference(), Money.of("5.00",
                    java.util.Currency.getInstance("USD")), "s", "sandbox", null)), InvalidInputException.class,
                    "amount");
            assertRefused(() -> payments.start(new PaymentRequest(reference(), cny("5.00"), "s", "alipay", null)),
                    NotFoundException.class, "providerCode");
            assertRefused(() -> payments.start(new PaymentRequest(null, null, null, null, null)),
                    InvalidInputException.class, "reference", "amount", "subject", "providerCode");

            assertThat(count("payment")).isEqualTo(before);
        }

        @Test
        void aReferenceThatWasPaidCannotBePaidAgain() {
            PaymentView paid = fixtures.paid("20.00");

            assertThatThrownBy(() -> payments.start(new PaymentRequest(paid.reference(), cny("20.00"), "Again",
                    "sandbox", null))).isInstanceOf(BusinessRuleException.class)
                    .satisfies(e -> assertThat(((BusinessRuleException) e).code()).isEqualTo("already-paid"));
        }

        // --- notifications -------------------------------------------------------------------------------------

        @Test
        void aSuccessNotificationSucceedsThePaymentOnceHoweverOftenItIsReplayed() {
            PaymentSession session = fixtures.start("66.60");
            String body = fixtures.paidNotification(session);

            for (int i = 0; i < 4; i++) {
                assertThat(deliver(body).answer().body()).isEqualTo("success");
            }

            PaymentView payment = payments.payment(session.paymentId());
            SandboxTrade trade = fixtures.sandbox().trade(session.providerPaymentId());
            assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(payment.providerTransactionId()).isEqualTo(trade.tradeNo());
            assertThat(payment.paidAt()).isEqualTo(trade.paidAt());
            assertThat(log(session.paymentId())).extracting(NotificationLogEntry::outcome)
                    .containsExactly(Outcome.DUPLICATE, Outcome.DUPLICATE, Outcome.DUPLICATE, Outcome.APPLIED);
            assertThat(events.awaitReceived(PaymentSucceeded.class, session.paymentId(), 1)).singleElement()
                    .satisfies(e -> {
                        assertThat(e.amount()).isEqualTo(cny("66.60"));
                        assertThat(e.reference()).isEqualTo(payment.reference());
                        assertThat(e.providerTransactionId()).isEqualTo(trade.tradeNo());
                        assertThat(e.providerCode()).isEqualTo("sandbox");
                        assertThat(e.paidAt()).isEqualTo(trade.paidAt());
                    });
            assertThat(events.published(PaymentSucceeded.class, session.paymentId())).isEqualTo(1);
        }

        @Test
        void aFailureArrivingAfterTheSuccessChangesNothing() {
            PaymentSession session = fixtures.start("12.00");
            List<SandboxNotice> notices = fixtures.pay(session, SandboxFaults.none().reorderedFailure());
            assertThat(notices).extracting(SandboxNotice::tradeStatus).containsExactly("TRADE_SUCCESS", "TRADE_FAILED");

            deliver(notices.get(0).body());
            assertThat(deliver(notices.get(1).body()).answer().body()).isEqualTo("success");

            assertThat(payments.payment(session.paymentId()).status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(log(session.paymentId())).extracting(NotificationLogEntry::outcome)
                    .containsExactly(Outcome.IGNORED, Outcome.APPLIED);
            assertThat(events.published(PaymentFailed.class, session.paymentId())).isZero();
            assertThat(events.published(PaymentSucceeded.class, session.paymentId())).isEqualTo(1);
        }

        @Test
        void aDeclinedAttemptFailsThePaymentAndPayingAfterwardsStillSucceedsIt() {
            PaymentSession session = fixtures.start("30.00");
            fixtures.sandbox().decline(session.providerPaymentId());
            deliver(fixtures.sandbox().notifications(session.providerPaymentId()).getLast().body());
            assertThat(payments.payment(session.paymentId()).status()).isEqualTo(PaymentStatus.FAILED);
            assertThat(events.awaitReceived(PaymentFailed.class, session.paymentId(), 1)).hasSize(1);

            deliver(fixtures.paidNotification(session));

            assertThat(payments.payment(session.paymentId()).status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(events.published(PaymentSucceeded.class, session.paymentId())).isEqualTo(1);
            assertThat(events.published(PaymentFailed.class, session.paymentId())).isEqualTo(1);
        }

        @Test
        void aNotificationWithAWrongAmountIsRefusedLoggedAsAnIncidentAndChangesNothing() {
            PaymentSession session = fixtures.start("50.00");
            String wrong = fixtures.pay(session, SandboxFaults.none().reportingAmount(cny("0.01"))).getLast().body();

            assertRefused(() -> deliver(wrong), BusinessRuleException.class, "amount");

            PaymentDetail detail = payments.detail(session.paymentId());
            assertThat(detail.payment().status()).isEqualTo(PaymentStatus.PENDING);
            assertThat(detail.notifications()).isEmpty();
            assertThat(detail.incidents()).singleElement().satisfies(incident -> {
                assertThat(incident.kind()).isEqualTo(PaymentIncident.Kind.AMOUNT_MISMATCH);
                assertThat(incident.payload()).contains("total_amount=0.01");
            });
            assertThat(events.published(PaymentSucceeded.class, session.paymentId())).isZero();
        }

        @Test
        void aForgedNotificationIsRefusedLoggedAsAnIncidentAndChangesNothing() {
            PaymentSession session = fixtures.start("50.00");
            String forged = fixtures.pay(session, SandboxFaults.none().forgedSignature()).getLast().body();
            long incidents = payments.incidents(PaymentIncident.Kind.SIGNATURE_INVALID, PageQuery.first(1)).totalItems();

            assertRefused(() -> deliver(forged), InvalidInputException.class, "signature");
            String tampered = fixtures.paidNotification(session).replace("total_amount=50.00", "total_amount=0.50");
            assertRefused(() -> deliver(tampered), InvalidInputException.class, "signature");

            assertThat(payments.payment(session.paymentId()).status()).isEqualTo(PaymentStatus.PENDING);
            assertThat(payments.incidents(PaymentIncident.Kind.SIGNATURE_INVALID, PageQuery.first(1)).totalItems())
                    .isEqualTo(incidents + 2);
            assertThat(events.published(PaymentSucceeded.class, session.paymentId())).isZero();
        }

        @Test
        void aNotificationNamingNoPaymentOrAnUnreadableOneIsRefusedAndLogged() {
            long before = payments.incidents(null, PageQuery.first(1)).totalItems();
            String unknown = fixtures.sandbox().signedBody(Map.of("notify_id", "n1", "out_trade_no", "P-NO-SUCH",
                    "trade_no", "2026", "trade_status", "TRADE_SUCCESS", "total_amount", "1.00", "currency", "CNY",
                    "gmt_payment", "2026-11-21 10:00:00", "notify_time", "2026-11-21 10:00:00"));

            assertRefused(() -> deliver(unknown), NotFoundException.class, "merchantTradeNo");
            assertRefused(() -> deliver("this is not a form"), InvalidInputException.class, "body");
            assertRefused(() -> deliver(fixtures.sandbox().signedBody(Map.of("notify_id", "n2"))),
                    InvalidInputException.class, "body");
            assertThatThrownBy(() -> payments.handleNotification("alipay", FORM, unknown))
                    .isInstanceOf(NotFoundException.class);

            assertThat(payments.incidents(null, PageQuery.first(10)).items()).extracting(PaymentIncident::kind)
                    .startsWith(PaymentIncident.Kind.MALFORMED, PaymentIncident.Kind.MALFORMED,
                            PaymentIncident.Kind.UNKNOWN_PAYMENT);
            assertThat(payments.incidents(null, PageQuery.first(1)).totalItems()).isEqualTo(before + 3);
        }

        // --- closing -------------------------------------------------------------------------------------------

        @Test
        void closingAnOpenPaymentClosesItAtTheProviderAndPublishesPaymentClosed() {
            PaymentSession session = fixtures.start("40.00");
            PaymentView open = payments.payment(session.paymentId());

            PaymentView closed = payments.close(open.reference()).orElseThrow();

            assertThat(closed.status()).isEqualTo(PaymentStatus.CLOSED);
            assertThat(closed.closedAt()).isNotNull();
            assertThat(fixtures.sandbox().trade(session.providerPaymentId()).status())
                    .isEqualTo(SandboxTrade.Status.CLOSED);
            assertThat(events.published(PaymentClosed.class, session.paymentId())).isEqualTo(1);
            assertThat(payments.close(open.reference())).isEmpty();
            assertThat(log(session.paymentId())).singleElement()
                    .satisfies(entry -> assertThat(entry.source()).isEqualTo(Source.CLOSE));
        }

        @Test
        void aSuccessForAClosedPaymentIsStillRecordedAndPublishedSoThatItCanBeRefunded() {
            PaymentSession session = fixtures.start("45.00");
            String paid = fixtures.paidNotification(session);
            PaymentView open = payments.payment(session.paymentId());
            // the order is cancelled while the notification is on its way; the provider says it was paid
            PaymentView afterClose = payments.close(open.reference()).orElseThrow();
            assertThat(afterClose.status()).isEqualTo(PaymentStatus.SUCCEEDED);

            deliver(paid);

            assertThat(events.published(PaymentSucceeded.class, session.paymentId())).isEqualTo(1);
            assertThat(events.published(PaymentClosed.class, session.paymentId())).isZero();
        }

        @Test
        void aLatePaymentOfAPaymentClosedInShopOpsSucceedsIt() {
            PaymentSession session = fixtures.start("46.00");
            PaymentView open = payments.payment(session.paymentId());
            payments.close(open.reference());
            // the provider took the money anyway (its close did not reach it in time): it reports the payment
            String late = fixtures.sandbox().signedBody(Map.of("notify_id", "late-" + open.id(), "out_trade_no",
                    open.merchantTradeNo(), "trade_no", "T" + open.id(), "trade_status", "TRADE_SUCCESS",
                    "total_amount", "46.00", "currency", "CNY", "passback_params", open.reference(),
                    "gmt_payment", "2026-11-21 10:00:00", "notify_time", "2026-11-21 10:00:01"));

            deliver(late);
            deliver(late);

            PaymentView payment = payments.payment(session.paymentId());
            assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(payment.closedAt()).isNotNull();
            assertThat(events.published(PaymentClosed.class, session.paymentId())).isEqualTo(1);
            assertThat(events.published(PaymentSucceeded.class, session.paymentId())).isEqualTo(1);
        }

        // --- refunds -------------------------------------------------------------------------------------------

        @Test
        void refundsPartsOfAPaymentUpToTheCapturedAmountAndNoMore() {
            PaymentView paid = fixtures.paid("100.00");

            RefundView first = payments.refund(new RefundRequest(paid.id(), cny("30.00"), "damaged", key()));
            RefundView second = payments.refund(new RefundRequest(paid.id(), cny("70.00"), null, key()));
            assertRefused(() -> payments.refund(new RefundRequest(paid.id(), cny("0.01"), null, key())),
                    BusinessRuleException.class, "amount");

            assertThat(first.status()).isEqualTo(RefundStatus.SUCCEEDED);
            assertThat(first.providerRefundId()).isNotNull();
            assertThat(second.status()).isEqualTo(RefundStatus.SUCCEEDED);
            PaymentView payment = payments.payment(paid.id());
            assertThat(payment.refundedAmount()).isEqualTo(cny("100.00"));
            assertThat(payment.refundable()).isEqualTo(cny("0.00"));
            assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(fixtures.sandbox().trade(paid.providerPaymentId()).refundedAmount()).isEqualTo(cny("100.00"));
            assertThat(events.awaitReceived(RefundSucceeded.class, paid.id(), 2)).extracting(RefundSucceeded::amount)
                    .containsExactlyInAnyOrder(cny("30.00"), cny("70.00"));
            assertThat(payments.detail(paid.id()).refunds()).hasSize(2);
        }

        @Test
        void theSameIdempotencyKeyReturnsTheSameRefundAndAnotherRequestWithItIsAConflict() {
            PaymentView paid = fixtures.paid("60.00");
            String key = key();

            RefundView first = payments.refund(new RefundRequest(paid.id(), cny("10.00"), "late", key));
            RefundView replayed = payments.refund(new RefundRequest(paid.id(), cny("10.00"), "late", key));

            assertThat(replayed).isEqualTo(first);
            assertRefused(() -> payments.refund(new RefundRequest(paid.id(), cny("11.00"), "late", key)),
                    ConflictException.class, "idempotencyKey");
            assertThat(payments.payment(paid.id()).refundedAmount()).isEqualTo(cny("10.00"));
            assertThat(events.published(RefundSucceeded.class, paid.id())).isEqualTo(1);
        }

        @Test
        void refusesBadRefundsNamingTheFieldAndWritesNothing() {
            PaymentSession pending = fixtures.start("15.00");
            PaymentView paid = fixtures.paid("15.00");
            long before = count("payment_refund");

            assertRefused(() -> payments.refund(new RefundRequest(null, cny("0.00"), "x".repeat(201), "")),
                    InvalidInputException.class, "paymentId", "amount", "reason", "idempotencyKey");
            assertRefused(() -> payments.refund(new RefundRequest(paid.id(), cny("1.00"), null, "k".repeat(256))),
                    InvalidInputException.class, "idempotencyKey");
            assertThatThrownBy(() -> payments.refund(new RefundRequest(pending.paymentId(), cny("1.00"), null, key())))
                    .isInstanceOf(BusinessRuleException.class)
                    .satisfies(e -> assertThat(((BusinessRuleException) e).code()).isEqualTo("payment-not-captured"));
            assertThatThrownBy(() -> payments.refund(new RefundRequest(new PaymentId(987_654_321L), cny("1.00"), null,
                    key()))).isInstanceOf(NotFoundException.class);
            assertRefused(() -> payments.refund(new RefundRequest(paid.id(), cny("15.01"), null, key())),
                    BusinessRuleException.class, "amount");

            assertThat(count("payment_refund")).isEqualTo(before);
            assertThat(payments.payment(paid.id()).refundedAmount()).isEqualTo(cny("0.00"));
        }

        @Test
        void aRefundTheProviderDeclinesFailsAndItsAmountIsRefundableAgain() {
            PaymentSession session = fixtures.start("25.00");
            fixtures.pay(session, SandboxFaults.none().decliningRefunds());
            deliver(fixtures.sandbox().notifications(session.providerPaymentId()).getLast().body());

            RefundView refund = payments.refund(new RefundRequest(session.paymentId(), cny("25.00"), null, key()));

            assertThat(refund.status()).isEqualTo(RefundStatus.FAILED);
            assertThat(refund.failureReason()).contains("REFUND_DECLINED");
            assertThat(payments.payment(session.paymentId()).refundable()).isEqualTo(cny("25.00"));
            assertThat(events.awaitReceived(RefundFailed.class, session.paymentId(), 1)).singleElement()
                    .satisfies(e -> assertThat(e.amount()).isEqualTo(cny("25.00")));
        }

        @Test
        void whatWasAskedOfTheProviderStaysRecordedWhenTheCallersTransactionRollsBack() {
            PaymentView paid = fixtures.paid("16.00");
            String reference = reference();

            transactions.executeWithoutResult(status -> {
                payments.refund(new RefundRequest(paid.id(), cny("6.00"), null, key()));
                payments.start(new PaymentRequest(reference, cny("3.00"), "Order", "sandbox", null));
                status.setRollbackOnly();
            });

            assertThat(payments.detail(paid.id()).refunds()).singleElement()
                    .satisfies(r -> assertThat(r.status()).isEqualTo(RefundStatus.SUCCEEDED));
            assertThat(payments.payment(paid.id()).refundedAmount()).isEqualTo(cny("6.00"));
            assertThat(fixtures.sandbox().trade(paid.providerPaymentId()).refundedAmount()).isEqualTo(cny("6.00"));
            assertThat(payments.find(new PaymentQuery(PaymentStatus.PENDING, reference, null, null, null),
                    PageQuery.first(5)).items()).singleElement()
                    .satisfies(p -> assertThat(p.providerPaymentId()).isNotNull());
        }

        @Test
        void aStaffMembersRefundIsInTheAuditLog() {
            PaymentView paid = fixtures.paid("9.90");
            String staff = "cashier-" + paid.id();
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    Actor.staff(990_000 + paid.id().value(), staff), null, List.of()));

            RefundView refund = payments.refund(new RefundRequest(paid.id(), cny("9.90"), "customer asked", key()));

            assertThat(refund.createdBy()).isEqualTo(staff);
            assertThat(auditLog.find(new AuditQuery(staff, null, null, null, null, null), PageQuery.first(5)).items())
                    .singleElement().satisfies(entry -> {
                        assertThat(entry.action()).isEqualTo("PAYMENT_REFUND_REQUESTED");
                        assertThat(entry.entityId()).isEqualTo(paid.id().toString());
                    });
        }

        // --- repair --------------------------------------------------------------------------------------------

        @Test
        void theRepairJobSucceedsAPaymentWhoseNotificationNeverCame() {
            PaymentSession session = fixtures.start("77.00");
            List<SandboxNotice> notices = fixtures.pay(session, SandboxFaults.none().lostNotification());
            assertThat(notices).singleElement().satisfies(n -> assertThat(n.status()).isEqualTo(SandboxNotice.Status.LOST));
            repairJob.run();
            assertThat(payments.payment(session.paymentId()).status()).as("not asked before repair-after")
                    .isEqualTo(PaymentStatus.PENDING);

            clock.advance(Duration.ofMinutes(6));
            assertThat(repairJob.run()).isGreaterThanOrEqualTo(1);

            PaymentView payment = payments.payment(session.paymentId());
            assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(payment.providerTransactionId())
                    .isEqualTo(fixtures.sandbox().trade(session.providerPaymentId()).tradeNo());
            assertThat(log(session.paymentId())).singleElement().satisfies(entry -> {
                assertThat(entry.source()).isEqualTo(Source.QUERY);
                assertThat(entry.outcome()).isEqualTo(Outcome.APPLIED);
            });
            assertThat(events.published(PaymentSucceeded.class, session.paymentId())).isEqualTo(1);
            repairJob.run();
            assertThat(events.published(PaymentSucceeded.class, session.paymentId())).isEqualTo(1);
        }

        @Test
        void theRepairJobClosesAnUnpaidPaymentWhoseTimeRanOut() {
            PaymentSession session = fixtures.start("5.00", Duration.ofMinutes(10));

            clock.advance(Duration.ofMinutes(11));
            repairJob.run();

            assertThat(payments.payment(session.paymentId()).status()).isEqualTo(PaymentStatus.CLOSED);
            assertThat(fixtures.sandbox().trade(session.providerPaymentId()).status())
                    .isEqualTo(SandboxTrade.Status.CLOSED);
            assertThat(events.published(PaymentClosed.class, session.paymentId())).isEqualTo(1);
        }

        // --- reconciliation ------------------------------------------------------------------------------------

        @Test
        void reconciliationSumsTheDayAndFindsEveryDisagreementWithTheProvider() {
            ZoneId zone = ZoneId.of("Asia/Shanghai");
            LocalDate day = LocalDate.ofInstant(clock.instant(), zone).plusDays(40 + clock.instant().getNano() % 20);
            clock.advance(Duration.between(clock.instant(), day.atTime(LocalTime.NOON).atZone(zone).toInstant()));

            PaymentView agreed = fixtures.paid("100.00");
            payments.refund(new RefundRequest(agreed.id(), cny("30.00"), null, key()));
            PaymentSession lost = fixtures.start("20.00");
            fixtures.pay(lost, SandboxFaults.none().lostNotification());
            PaymentView differs = fixtures.paid("50.00");
            jdbc.sql("UPDATE sandbox_trade SET amount = 49.00 WHERE out_trade_no = :no")
                    .param("no", differs.merchantTradeNo()).update();
            PaymentView missing = fixtures.paid("7.00");
            jdbc.sql("UPDATE sandbox_trade SET paid_at = :before WHERE out_trade_no = :no")
                    .param("before", Instant.now().minus(Duration.ofDays(400)).atOffset(java.time.ZoneOffset.UTC))
                    .param("no", missing.merchantTradeNo()).update();

            DailyReconciliation report = payments.reconcile(day);

            assertThat(report.day()).isEqualTo(day);
            assertThat(report.shopOps().capturedCount()).isEqualTo(3);
            assertThat(report.shopOps().captured()).isEqualTo(cny("157.00"));
            assertThat(report.shopOps().refundedCount()).isEqualTo(1);
            assertThat(report.shopOps().refunded()).isEqualTo(cny("30.00"));
            assertThat(report.shopOps().net()).isEqualTo(cny("127.00"));
            assertThat(report.providers().capturedCount()).isEqualTo(3);
            assertThat(report.providers().captured()).isEqualTo(cny("169.00"));
            assertThat(report.providers().refunded()).isEqualTo(cny("30.00"));
            assertThat(report.mismatches()).extracting(m -> m.kind() + " " + m.entry() + " " + m.merchantNo())
                    .containsExactlyInAnyOrder(
                            Kind.STATUS_DIFFERS + " " + Entry.CAPTURE + " "
                                    + payments.payment(lost.paymentId()).merchantTradeNo(),
                            Kind.AMOUNT_DIFFERS + " " + Entry.CAPTURE + " " + differs.merchantTradeNo(),
                            Kind.MISSING_AT_PROVIDER + " " + Entry.CAPTURE + " " + missing.merchantTradeNo());
            assertThat(report.mismatches()).filteredOn(m -> m.kind() == Kind.AMOUNT_DIFFERS).singleElement()
                    .satisfies(m -> {
                        assertThat(m.shopOpsAmount()).isEqualTo(cny("50.00"));
                        assertThat(m.providerAmount()).isEqualTo(cny("49.00"));
                        assertThat(m.reference()).isEqualTo(differs.reference());
                    });
            assertThat(payments.reconcile(day.plusDays(1)).shopOps().capturedCount()).isZero();
            assertRefused(() -> payments.reconcile(null), InvalidInputException.class, "day");
        }

        static String key() {
            return java.util.UUID.randomUUID().toString();
        }
    }

    @Nested
    @ShopOpsTest
    @Import(PaymentTestConfiguration.class)
    class OnH2 extends Contract {
    }

    @Nested
    @PostgresTest
    @Import(PaymentTestConfiguration.class)
    class OnPostgres extends Contract {
    }
}
