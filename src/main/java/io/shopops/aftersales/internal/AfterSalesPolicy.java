package io.shopops.aftersales.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.shopops.aftersales.AfterSalesKind;
import io.shopops.aftersales.AfterSalesReason;
import io.shopops.ordering.OrderStatus;
import io.shopops.ordering.ReturnableOrder;
import io.shopops.shared.BusinessRuleException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Whether an order may get an after-sales request of a kind for a reason, now: a list of rules, each refusing with
 * its own code. The periods count from delivery (of the line's parcel, else of the order); an order not delivered
 * yet is inside them.
 */
@Component
public class AfterSalesPolicy {

    /** One rule: empty if it allows the request, else the refusal. */
    interface Rule {
        Optional<BusinessRuleException> check(AfterSalesKind kind, AfterSalesReason reason, ReturnableOrder order,
                List<ReturnableOrder.Line> lines, Instant now);
    }

    private static final Set<OrderStatus> AFTER_DISPATCH = EnumSet.of(OrderStatus.PARTIALLY_SHIPPED,
            OrderStatus.SHIPPED, OrderStatus.DELIVERED, OrderStatus.COMPLETED);

    private final List<Rule> rules;

    AfterSalesPolicy(AfterSalesProperties properties) {
        this.rules = List.of(paidAndShipped(), returnsOnlyWhatShipped(), noReasonMeansReturn(),
                noReasonWithin(properties.noReasonReturnWindow()), notReceivedMeansNotDelivered(),
                withinWindow(properties.window()));
    }

    /** Throws the first rule's refusal (422), if any. */
    public void check(AfterSalesKind kind, AfterSalesReason reason, ReturnableOrder order,
            List<ReturnableOrder.Line> lines, Instant now) {
        for (Rule rule : rules) {
            Optional<BusinessRuleException> refused = rule.check(kind, reason, order, lines, now);
            if (refused.isPresent()) {
                throw refused.get();
            }
        }
    }

    /** Before anything left the warehouse the customer cancels the order instead; an unpaid order has nothing. */
    private static Rule paidAndShipped() {
        return (kind, reason, order, lines, now) -> {
            if (!order.status().isPaid() || order.acceptedPayment() == null) {
                return refuse("order-not-paid", "status", "Order %s is %s: only a paid order has after-sales"
                        .formatted(order.orderNumber(), order.status()));
            }
            if (!AFTER_DISPATCH.contains(order.status())) {
                return refuse("cancel-instead", "status",
                        "Order %s has not shipped yet: cancel the order instead".formatted(order.orderNumber()));
            }
            return Optional.empty();
        };
    }

    private static Rule returnsOnlyWhatShipped() {
        return (kind, reason, order, lines, now) -> lines.stream().filter(l -> l.dispatchedAt() == null).findFirst()
                .flatMap(line -> kind == AfterSalesKind.RETURN_AND_REFUND || reason != AfterSalesReason.NOT_RECEIVED
                        ? refuse("line-not-shipped", "lines",
                                "line %d has not left the warehouse yet".formatted(line.lineNo()))
                        : Optional.empty());
    }

    private static Rule noReasonMeansReturn() {
        return (kind, reason, order, lines, now) -> reason == AfterSalesReason.NO_REASON
                && kind != AfterSalesKind.RETURN_AND_REFUND
                ? refuse("no-reason-needs-return", "reason",
                        "a no-reason request must send the goods back (RETURN_AND_REFUND)")
                : Optional.empty();
    }

    private static Rule noReasonWithin(Duration days) {
        return (kind, reason, order, lines, now) -> reason == AfterSalesReason.NO_REASON
                ? expired(order, lines, now, days).map(line -> new BusinessRuleException("no-reason-period-over",
                        "reason", "the %d-day no-reason return period for line %d is over"
                                .formatted(days.toDays(), line.lineNo())))
                : Optional.empty();
    }

    private static Rule notReceivedMeansNotDelivered() {
        return (kind, reason, order, lines, now) -> reason == AfterSalesReason.NOT_RECEIVED
                && lines.stream().allMatch(l -> delivered(order, l) != null)
                ? refuse("delivered", "reason", "every line concerned was signed for: choose another reason")
                : Optional.empty();
    }

    private static Rule withinWindow(Duration window) {
        return (kind, reason, order, lines, now) -> expired(order, lines, now, window)
                .map(line -> new BusinessRuleException("after-sales-period-over", "lines",
                        "the %d-day after-sales period for line %d is over".formatted(window.toDays(), line.lineNo())));
    }

    private static Optional<ReturnableOrder.Line> expired(ReturnableOrder order, List<ReturnableOrder.Line> lines,
            Instant now, Duration period) {
        return lines.stream().filter(l -> {
            Instant delivered = delivered(order, l);
            return delivered != null && delivered.plus(period).isBefore(now);
        }).findFirst();
    }

    private static @Nullable Instant delivered(ReturnableOrder order, ReturnableOrder.Line line) {
        return line.deliveredAt() != null ? line.deliveredAt() : order.deliveredAt();
    }

    private static Optional<BusinessRuleException> refuse(String code, String field, String message) {
        return Optional.of(new BusinessRuleException(code, field, message));
    }
}
