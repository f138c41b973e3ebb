package io.shopops.payment.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.shopops.payment.DailyReconciliation.Entry;
import io.shopops.payment.DailyReconciliation.Kind;
import io.shopops.payment.DailyReconciliation.Mismatch;
import io.shopops.payment.DailyReconciliation.Totals;
import io.shopops.payment.PaymentId;
import io.shopops.payment.PaymentProvider.StatementLine;
import io.shopops.payment.PaymentStatus;
import io.shopops.payment.PaymentView;
import io.shopops.payment.RefundId;
import io.shopops.payment.RefundStatus;
import io.shopops.payment.RefundView;
import io.shopops.shared.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Matching a provider's statement with ShopOps' books, line by line, without a database. */
class ReconciliationCheckTests {

    private static final Instant NOON = Instant.parse("2026-11-21T04:00:00Z");

    static Money cny(String amount) {
        return Money.of(amount, Money.CNY);
    }

    static PaymentView payment(long id, String tradeNo, String amount, PaymentStatus status) {
        return new PaymentView(new PaymentId(id), "ORD-" + id, tradeNo, "sandbox", "SBX" + id, "T" + id, status,
                "Order", cny(amount), cny("0.00"), null, null, NOON, NOON, "system", NOON,
                status == PaymentStatus.SUCCEEDED ? NOON : null, null, null);
    }

    static RefundView refund(long id, long paymentId, String refundNo, String amount, RefundStatus status) {
        return new RefundView(new RefundId(id), new PaymentId(paymentId), refundNo, cny(amount), null, status, null,
                null, NOON, "system", status == RefundStatus.PENDING ? null : NOON);
    }

    static StatementLine capture(String tradeNo, String amount) {
        return new StatementLine(StatementLine.Kind.CAPTURE, tradeNo, null, "T-" + tradeNo, cny(amount), NOON);
    }

    static StatementLine refundLine(String tradeNo, String refundNo, String amount) {
        return new StatementLine(StatementLine.Kind.REFUND, tradeNo, refundNo, "RF-" + refundNo, cny(amount), NOON);
    }

    @Test
    void booksThatAgreeHaveNoMismatch() {
        PaymentView paid = payment(1, "P1", "10.00", PaymentStatus.SUCCEEDED);
        RefundView refunded = refund(1, 1, "R1", "4.00", RefundStatus.SUCCEEDED);

        List<Mismatch> mismatches = ReconciliationCheck.compare("sandbox", List.of(paid), List.of(refunded),
                List.of(capture("P1", "10.00"), refundLine("P1", "R1", "4.00")), id -> paid, no -> Optional.empty(),
                no -> Optional.empty());

        assertThat(mismatches).isEmpty();
    }

    @Test
    void namesEveryKindOfDisagreementForCapturesAndRefunds() {
        PaymentView missingAtProvider = payment(1, "P1", "10.00", PaymentStatus.SUCCEEDED);
        PaymentView amountDiffers = payment(2, "P2", "20.00", PaymentStatus.SUCCEEDED);
        PaymentView stillPending = payment(3, "P3", "30.00", PaymentStatus.PENDING);
        PaymentView paidTheDayBefore = payment(4, "P4", "40.00", PaymentStatus.SUCCEEDED);
        RefundView refundMissing = refund(1, 2, "R1", "1.00", RefundStatus.SUCCEEDED);
        RefundView refundPending = refund(2, 2, "R2", "2.00", RefundStatus.PENDING);
        Map<String, PaymentView> elsewhere = Map.of("P3", stillPending, "P4", paidTheDayBefore);

        List<Mismatch> mismatches = ReconciliationCheck.compare("sandbox", List.of(missingAtProvider, amountDiffers),
                List.of(refundMissing),
                List.of(capture("P2", "19.00"), capture("P3", "30.00"), capture("P4", "40.00"), capture("P9", "9.00"),
                        refundLine("P2", "R2", "2.00"), refundLine("P2", "R9", "3.00")),
                id -> amountDiffers, no -> Optional.ofNullable(elsewhere.get(no)),
                no -> no.equals("R2") ? Optional.of(refundPending) : Optional.empty());

        assertThat(mismatches).extracting(m -> m.kind() + " " + m.entry() + " " + m.merchantNo()).containsExactly(
                Kind.MISSING_AT_PROVIDER + " " + Entry.CAPTURE + " P1",
                Kind.AMOUNT_DIFFERS + " " + Entry.CAPTURE + " P2",
                Kind.STATUS_DIFFERS + " " + Entry.CAPTURE + " P3",
                Kind.DAY_DIFFERS + " " + Entry.CAPTURE + " P4",
                Kind.MISSING_IN_SHOPOPS + " " + Entry.CAPTURE + " P9",
                Kind.MISSING_AT_PROVIDER + " " + Entry.REFUND + " R1",
                Kind.STATUS_DIFFERS + " " + Entry.REFUND + " R2",
                Kind.MISSING_IN_SHOPOPS + " " + Entry.REFUND + " R9");
        assertThat(mismatches.get(1).shopOpsAmount()).isEqualTo(cny("20.00"));
        assertThat(mismatches.get(1).providerAmount()).isEqualTo(cny("19.00"));
        assertThat(mismatches.get(2).shopOpsStatus()).isEqualTo("PENDING");
        assertThat(mismatches.get(6).reference()).isEqualTo("ORD-2");
    }

    @Test
    void totalsCountAndSumEachSide() {
        Totals ours = ReconciliationCheck.totals(List.of(payment(1, "P1", "10.00", PaymentStatus.SUCCEEDED),
                payment(2, "P2", "5.50", PaymentStatus.SUCCEEDED)), List.of(refund(1, 1, "R1", "3.00",
                RefundStatus.SUCCEEDED)), Money.CNY);
        Totals theirs = ReconciliationCheck.totals(List.of(capture("P1", "10.00"), refundLine("P1", "R1", "3.00"),
                refundLine("P1", "R2", "1.00")), Money.CNY);

        assertThat(ours).isEqualTo(new Totals(2, cny("15.50"), 1, cny("3.00")));
        assertThat(ours.net()).isEqualTo(cny("12.50"));
        assertThat(theirs).isEqualTo(new Totals(1, cny("10.00"), 2, cny("4.00")));
        assertThat(theirs.net()).isEqualTo(cny("6.00"));
    }
}
