package io.shopops.payment.internal;

import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.shopops.payment.DailyReconciliation.Entry;
import io.shopops.payment.DailyReconciliation.Kind;
import io.shopops.payment.DailyReconciliation.Mismatch;
import io.shopops.payment.DailyReconciliation.Totals;
import io.shopops.payment.PaymentId;
import io.shopops.payment.PaymentProvider.StatementLine;
import io.shopops.payment.PaymentStatus;
import io.shopops.payment.PaymentView;
import io.shopops.payment.RefundStatus;
import io.shopops.payment.RefundView;
import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * Compares one provider's statement of a day with ShopOps' captures and refunds of that day, matching captures
 * by merchant trade number and refunds by merchant refund number. Pure: the lookups of what ShopOps has outside
 * the day (a payment still pending, captured the day before) are handed in.
 */
public final class ReconciliationCheck {

    private ReconciliationCheck() {
    }

    /**
     * @param captured     ShopOps' payments of this provider that succeeded on the day
     * @param refunded     ShopOps' refunds of this provider's payments that succeeded on the day
     * @param paymentOf    the payment of a refund
     * @param payment      ShopOps' payment with a merchant trade number, whatever its status and day
     * @param refund       ShopOps' refund with a merchant refund number, whatever its status and day
     */
    public static List<Mismatch> compare(String providerCode, List<PaymentView> captured, List<RefundView> refunded,
            List<StatementLine> statement, Function<PaymentId, PaymentView> paymentOf,
            Function<String, Optional<PaymentView>> payment, Function<String, Optional<RefundView>> refund) {
        Map<String, StatementLine> providerCaptures = new LinkedHashMap<>();
        Map<String, StatementLine> providerRefunds = new LinkedHashMap<>();
        for (StatementLine line : statement) {
            if (line.kind() == StatementLine.Kind.CAPTURE) {
                providerCaptures.put(line.merchantTradeNo(), line);
            } else if (line.merchantRefundNo() != null) {
                providerRefunds.put(line.merchantRefundNo(), line);
            }
        }
        List<Mismatch> mismatches = new ArrayList<>();
        for (PaymentView ours : captured) {
            StatementLine theirs = providerCaptures.remove(ours.merchantTradeNo());
            if (theirs == null) {
                mismatches.add(capture(Kind.MISSING_AT_PROVIDER, providerCode, ours.merchantTradeNo(), ours, null));
            } else if (theirs.amount().compareTo(ours.amount()) != 0) {
                mismatches.add(capture(Kind.AMOUNT_DIFFERS, providerCode, ours.merchantTradeNo(), ours, theirs));
            }
        }
        for (StatementLine theirs : providerCaptures.values()) {
            Optional<PaymentView> ours = payment.apply(theirs.merchantTradeNo());
            Kind kind = ours.isEmpty() ? Kind.MISSING_IN_SHOPOPS
                    : ours.get().status() == PaymentStatus.SUCCEEDED ? Kind.DAY_DIFFERS : Kind.STATUS_DIFFERS;
            mismatches.add(capture(kind, providerCode, theirs.merchantTradeNo(), ours.orElse(null), theirs));
        }
        for (RefundView ours : refunded) {
            StatementLine theirs = providerRefunds.remove(ours.refundNo());
            PaymentView of = paymentOf.apply(ours.paymentId());
            if (theirs == null) {
                mismatches.add(refund(Kind.MISSING_AT_PROVIDER, providerCode, ours.refundNo(), ours, of, null));
            } else if (theirs.amount().compareTo(ours.amount()) != 0) {
                mismatches.add(refund(Kind.AMOUNT_DIFFERS, providerCode, ours.refundNo(), ours, of, theirs));
            }
        }
        for (StatementLine theirs : providerRefunds.values()) {
            Optional<RefundView> ours = refund.apply(theirs.merchantRefundNo());
            Kind kind = ours.isEmpty() ? Kind.MISSING_IN_SHOPOPS
                    : ours.get().status() == RefundStatus.SUCCEEDED ? Kind.DAY_DIFFERS : Kind.STATUS_DIFFERS;
            mismatches.add(refund(kind, providerCode, theirs.merchantRefundNo(), ours.orElse(null),
                    ours.map(r -> paymentOf.apply(r.paymentId())).orElse(null), theirs));
        }
        return mismatches;
    }

    private static Mismatch capture(Kind kind, String providerCode, String merchantTradeNo,
            @Nullable PaymentView ours, @Nullable StatementLine theirs) {
        return new Mismatch(kind, Entry.CAPTURE, providerCode, merchantTradeNo, ours == null ? null : ours.id(), null,
                ours == null ? null : ours.reference(), ours == null ? null : ours.amount(),
                theirs == null ? null : theirs.amount(), ours == null ? null : ours.status().name(),
                theirs == null ? null : "SUCCEEDED");
    }

    private static Mismatch refund(Kind kind, String providerCode, String refundNo,
            @Nullable RefundView ours, @Nullable PaymentView of, @Nullable StatementLine theirs) {
        return new Mismatch(kind, Entry.REFUND, providerCode, refundNo, of == null ? null : of.id(),
                ours == null ? null : ours.id(), of == null ? null : of.reference(),
                ours == null ? null : ours.amount(), theirs == null ? null : theirs.amount(),
                ours == null ? null : ours.status().name(), theirs == null ? null : "SUCCEEDED");
    }

    /** ShopOps' side of the day: count and sum of captures and of refunds. */
    public static Totals totals(List<PaymentView> captured, List<RefundView> refunded, Currency currency) {
        Money capturedSum = Money.zero(currency);
        for (PaymentView payment : captured) {
            capturedSum = capturedSum.plus(payment.amount());
        }
        Money refundedSum = Money.zero(currency);
        for (RefundView refund : refunded) {
            refundedSum = refundedSum.plus(refund.amount());
        }
        return new Totals(captured.size(), capturedSum, refunded.size(), refundedSum);
    }

    /** The providers' side of the day, from their statements. */
    public static Totals totals(List<StatementLine> statement, Currency currency) {
        Money captured = Money.zero(currency);
        Money refunded = Money.zero(currency);
        long captures = 0;
        long refunds = 0;
        for (StatementLine line : statement) {
            if (line.kind() == StatementLine.Kind.CAPTURE) {
                captures++;
                captured = captured.plus(line.amount());
            } else {
                refunds++;
                refunded = refunded.plus(line.amount());
            }
        }
        return new Totals(captures, captured, refunds, refunded);
    }
}
