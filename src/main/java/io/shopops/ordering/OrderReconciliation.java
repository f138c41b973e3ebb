package io.shopops.ordering;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.shopops.ordering.OrderPaymentReconciliation.Finding;
import io.shopops.ordering.OrderPaymentReconciliation.Kind;
import io.shopops.ordering.internal.OrderRecord;
import io.shopops.ordering.internal.OrderRepository;
import io.shopops.payment.PaymentId;
import io.shopops.payment.PaymentStatus;
import io.shopops.payment.PaymentView;
import io.shopops.payment.Payments;
import io.shopops.payment.RefundStatus;
import io.shopops.payment.RefundView;
import io.shopops.shared.Money;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.ShopProperties;
import io.shopops.shared.Violations;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily order–payment reconciliation (訂單與支付對賬): for one of the shop's days, every order paid that day and
 * every payment captured that day are checked against each other. Reads only; safe to run at any time.
 */
@Service
public class OrderReconciliation {

    private final OrderRepository orders;
    private final Payments payments;
    private final ShopProperties shop;
    private final OrderSupport support;
    private final TransactionTemplate reading;

    OrderReconciliation(OrderRepository orders, Payments payments, ShopProperties shop, OrderSupport support,
            PlatformTransactionManager transactions) {
        this.orders = orders;
        this.payments = payments;
        this.shop = shop;
        this.support = support;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
    }

    /** The orders' side, read in one transaction of its own (the payment module's reads run in theirs). */
    private record Books(List<OrderRecord> paid, Map<String, OrderRecord> byNumber,
            Map<OrderId, List<OrderRepository.PaymentRecord>> recorded) {
    }

    /**
     * The report of {@code day}, or of yesterday (the shop's) without one; 400 for a day outside 2000–2999. Not
     * one transaction: the two modules' books are read each in its own, as of the moment they are read.
     */
    public OrderPaymentReconciliation report(@Nullable LocalDate requested) {
        LocalDate day = requested == null ? support.now().atZone(shop.zone()).toLocalDate().minusDays(1) : requested;
        Violations v = new Violations();
        v.check(day.getYear() >= 2000 && day.getYear() <= 2999, "day", "must be a day between 2000 and 2999");
        v.throwIfAny();
        Instant from = day.atStartOfDay(shop.zone()).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(shop.zone()).toInstant();
        List<PaymentView> captured = payments.captured(day);
        Books books = Objects.requireNonNull(reading.execute(status -> {
            List<OrderRecord> paidThen = orders.paidBetween(from, to);
            Set<String> numbers = new LinkedHashSet<>();
            captured.forEach(p -> numbers.add(p.reference()));
            paidThen.forEach(o -> numbers.add(o.orderNumber()));
            Map<String, OrderRecord> found = orders.byNumbers(numbers);
            return new Books(paidThen, found, orders.paymentsOf(found.values().stream().map(OrderRecord::id).toList()));
        }));
        List<OrderRecord> paid = books.paid();
        Map<String, OrderRecord> byNumber = books.byNumber();
        Map<OrderId, List<OrderRepository.PaymentRecord>> recorded = books.recorded();
        Map<Long, OrderRepository.PaymentRecord> recordedById = new HashMap<>();
        recorded.values().forEach(list -> list.forEach(r -> recordedById.put(r.paymentId(), r)));
        Map<Long, PaymentView> known = new HashMap<>();
        captured.forEach(p -> known.put(p.id().value(), p));

        List<Finding> findings = new ArrayList<>();
        for (PaymentView payment : captured) {
            OrderRecord order = byNumber.get(payment.reference());
            OrderRepository.PaymentRecord seen = recordedById.get(payment.id().value());
            if (order == null) {
                findings.add(new Finding(Kind.CAPTURE_WITHOUT_PAID_ORDER, null, payment.reference(), payment.id(), null,
                        payment.amount(), "no order has this number"));
            } else if (seen == null) {
                findings.add(finding(Kind.CAPTURE_WITHOUT_PAID_ORDER, order, payment, null,
                        "the order has not recorded this payment (its event is still on its way, or was lost)"));
            } else if (seen.outcome().equals("REFUND_DUE") || order.status() == OrderStatus.CANCELLED) {
                if (payment.refundable().isGreaterThan(Money.zero(payment.amount().currency()))) {
                    findings.add(finding(Kind.NOT_REFUNDED, order, payment, order.refundedAmount(),
                            "%s is still to be refunded (%s)".formatted(payment.refundable(),
                                    seen.outcome().equals("REFUND_DUE") ? "paid late or twice" : "the order is cancelled")));
                }
            } else if (!order.status().isPaid()) {
                findings.add(finding(Kind.CAPTURE_WITHOUT_PAID_ORDER, order, payment, order.total(),
                        "the order is " + order.status()));
            } else if (!payment.amount().equals(order.total())) {
                findings.add(finding(Kind.AMOUNT_MISMATCH, order, payment, order.total(),
                        "captured %s for an order of %s".formatted(payment.amount(), order.total())));
            }
        }
        Set<OrderId> checked = new HashSet<>();
        List<OrderRecord> inScope = new ArrayList<>(paid);
        captured.stream().map(p -> byNumber.get(p.reference())).filter(o -> o != null).forEach(inScope::add);
        for (OrderRecord order : inScope) {
            if (!checked.add(order.id())) {
                continue;
            }
            List<OrderRepository.PaymentRecord> mine = recorded.getOrDefault(order.id(), List.of());
            List<PaymentView> views = new ArrayList<>();
            for (OrderRepository.PaymentRecord record : mine) {
                PaymentView view = known.computeIfAbsent(record.paymentId(), this::payment);
                if (view != null) {
                    views.add(view);
                }
            }
            boolean paidThatDay = order.paidAt() != null && !order.paidAt().isBefore(from) && order.paidAt().isBefore(to);
            if (paidThatDay && views.stream().noneMatch(p -> p.status() == PaymentStatus.SUCCEEDED
                    && recordedById.get(p.id().value()).outcome().equals("ACCEPTED"))) {
                findings.add(new Finding(Kind.PAID_WITHOUT_CAPTURE, order.id(), order.orderNumber(), null,
                        order.total(), null, "the payment module has no captured payment the order accepted"));
            }
            Money refunded = views.stream().map(PaymentView::refundedAmount)
                    .reduce(Money.zero(order.total().currency()), Money::plus);
            if (!refunded.equals(order.refundedAmount())) {
                Money succeeded = views.stream().flatMap(p -> payments.detail(p.id()).refunds().stream())
                        .filter(r -> r.status() == RefundStatus.SUCCEEDED).map(RefundView::amount)
                        .reduce(Money.zero(order.total().currency()), Money::plus);
                if (!succeeded.equals(order.refundedAmount())) {
                    findings.add(new Finding(Kind.REFUND_MISMATCH, order.id(), order.orderNumber(), null,
                            order.refundedAmount(), succeeded,
                            "the order records %s refunded, its payments' refunds add up to %s"
                                    .formatted(order.refundedAmount(), succeeded)));
                }
            }
        }
        Money zero = Money.zero(shop.currency());
        OrderPaymentReconciliation.Totals orderTotals = new OrderPaymentReconciliation.Totals(paid.size(),
                paid.stream().map(OrderRecord::paidAmount).reduce(zero, Money::plus),
                paid.stream().map(OrderRecord::refundedAmount).reduce(zero, Money::plus));
        OrderPaymentReconciliation.Totals paymentTotals = new OrderPaymentReconciliation.Totals(captured.size(),
                captured.stream().map(PaymentView::amount).reduce(zero, Money::plus),
                captured.stream().map(PaymentView::refundedAmount).reduce(zero, Money::plus));
        return new OrderPaymentReconciliation(day, shop.zone().getId(), orderTotals, paymentTotals, findings,
                support.now());
    }

    /** The payment module's payment, or null when it has none with the id (the order recorded a stranger). */
    private @Nullable PaymentView payment(long id) {
        try {
            return payments.payment(new PaymentId(id));
        } catch (NotFoundException unknown) {
            return null;
        }
    }

    private static Finding finding(Kind kind, OrderRecord order, PaymentView payment, @Nullable Money orderAmount,
            String detail) {
        return new Finding(kind, order.id(), order.orderNumber(), payment.id(), orderAmount, payment.amount(), detail);
    }
}
