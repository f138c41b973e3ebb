package io.shopops.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.shopops.shared.ConflictException;
import io.shopops.shared.FieldViolation;
import io.shopops.shared.InvalidInputException;
import io.shopops.shared.Money;
import io.shopops.testing.PostgresTest;
import io.shopops.testing.ShopOpsTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Importing payments of the past: written as succeeded with their refunds, copied into the sandbox's books so that
 * the day reconciles, nothing published; refused whole when any of them is wrong.
 */
class PaymentImportTests {

    static final ZoneId SHOP = ZoneId.of("Asia/Shanghai");

    @Import(PaymentTestConfiguration.class)
    abstract static class Contract {

        @Autowired
        Payments payments;
        @Autowired
        JdbcClient jdbc;
        @Autowired
        java.time.Clock clock;

        @Test
        void importsPaymentsWithTheirRefundsSoThatTheirDayReconcilesWithTheProvider() {
            // a day of its own, long ago: no other test's payment is on it
            LocalDate day = LocalDate.of(2021, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3 * 365));
            Instant morning = day.atTime(9, 30).atZone(SHOP).toInstant();
            long published = count("SELECT COUNT(*) FROM event_publication");

            List<ImportedPayment> imported = payments.importHistorical(List.of(
                    payment(reference(), "199.00", morning, number(), List.of()),
                    payment(reference(), "88.50", morning.plusSeconds(3600), number(),
                            List.of(new HistoricalPayment.Refund(cny("30.00"), "七天无理由退货",
                                    morning.plusSeconds(7200), morning.plusSeconds(9000), number())))));

            assertThat(imported).hasSize(2);
            PaymentView refunded = payments.payment(imported.get(1).id());
            assertThat(refunded.status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(refunded.amount()).isEqualTo(cny("88.50"));
            assertThat(refunded.refundedAmount()).isEqualTo(cny("30.00"));
            assertThat(refunded.paidAt()).isEqualTo(morning.plusSeconds(3600));
            assertThat(refunded.merchantTradeNo()).isEqualTo(imported.get(1).merchantTradeNo());
            assertThat(refunded.providerPaymentId()).as("the sandbox recorded the trade").startsWith("SBX");
            assertThat(payments.detail(refunded.id()).refunds()).singleElement().satisfies(refund -> {
                assertThat(refund.id()).isEqualTo(imported.get(1).refunds().getFirst());
                assertThat(refund.status()).isEqualTo(RefundStatus.SUCCEEDED);
                assertThat(refund.completedAt()).isEqualTo(morning.plusSeconds(9000));
            });
            assertThat(payments.captured(day)).extracting(PaymentView::id)
                    .containsExactly(imported.get(0).id(), imported.get(1).id());

            DailyReconciliation reconciliation = payments.reconcile(day);
            assertThat(reconciliation.mismatches()).isEmpty();
            assertThat(reconciliation.shopOps()).isEqualTo(reconciliation.providers());
            assertThat(reconciliation.shopOps().captured()).isEqualTo(cny("287.50"));
            assertThat(reconciliation.shopOps().refunded()).isEqualTo(cny("30.00"));
            assertThat(count("SELECT COUNT(*) FROM event_publication")).as("nothing published").isEqualTo(published);
        }

        @Test
        void refusesTheWholeImportNamingEveryBadFieldAndWritesNothing() {
            long before = count("SELECT COUNT(*) FROM payment");
            Instant past = Instant.now().minusSeconds(86_400);
            String twice = reference();
            List<HistoricalPayment> bad = List.of(
                    payment(twice, "10.00", past, number(), List.of()),
                    new HistoricalPayment(twice, "nowhere-pay", cny("0.00"), "", past, clock.instant().plusSeconds(3600),
                            null, List.of()),
                    payment(reference(), "50.00", past, number(), List.of(
                            new HistoricalPayment.Refund(cny("40.00"), null, past.plusSeconds(60), past.plusSeconds(120),
                                    number()),
                            new HistoricalPayment.Refund(cny("20.00"), null, past.minusSeconds(60), past.plusSeconds(120),
                                    number()))));

            InvalidInputException refused = catchThrowableOfType(InvalidInputException.class,
                    () -> payments.importHistorical(bad));

            assertThat(refused.violations()).extracting(FieldViolation::field).containsExactlyInAnyOrder(
                    "payments[1].reference", "payments[1].providerCode", "payments[1].amount", "payments[1].subject",
                    "payments[1].paidAt", "payments[1].providerTransactionId", "payments[2].refunds[1].requestedAt",
                    "payments[2].refunds");
            assertThat(count("SELECT COUNT(*) FROM payment")).as("nothing written").isEqualTo(before);
        }

        @Test
        void refusesAReferenceThatHasAPaymentAlreadyWithAConflict() {
            String reference = reference();
            Instant past = Instant.now().minusSeconds(86_400);
            payments.importHistorical(List.of(payment(reference, "10.00", past, number(), List.of())));
            long before = count("SELECT COUNT(*) FROM payment");

            ConflictException refused = catchThrowableOfType(ConflictException.class,
                    () -> payments.importHistorical(List.of(payment(reference(), "12.00", past, number(), List.of()),
                            payment(reference, "10.00", past, number(), List.of()))));

            assertThat(refused.violations()).extracting(FieldViolation::field).containsExactly("payments[1].reference");
            assertThat(count("SELECT COUNT(*) FROM payment")).isEqualTo(before);
        }

        private long count(String sql) {
            return jdbc.sql(sql).query(Long.class).single();
        }
    }

    static HistoricalPayment payment(String reference, String amount, Instant paidAt, String transaction,
            List<HistoricalPayment.Refund> refunds) {
        return new HistoricalPayment(reference, "sandbox", cny(amount), "ShopOps Demo " + reference,
                paidAt.minusSeconds(90), paidAt, transaction, refunds);
    }

    static Money cny(String amount) {
        return Money.of(new BigDecimal(amount), Money.CNY);
    }

    static String reference() {
        return "SO-IMPORT-" + UUID.randomUUID().toString().substring(0, 12);
    }

    /** A provider's number as Alipay's: 28 digits, unique enough for a test run. */
    static String number() {
        return "2021" + String.format("%024d", Math.abs(UUID.randomUUID().getLeastSignificantBits()) % 1_000_000_000_000_000_000L);
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
