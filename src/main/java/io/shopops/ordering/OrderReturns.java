package io.shopops.ordering;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.shopops.customer.CustomerId;
import io.shopops.ordering.internal.AllocationRecord;
import io.shopops.ordering.internal.LineClaimRepository;
import io.shopops.ordering.internal.OrderRecord;
import io.shopops.ordering.internal.OrderRepository;
import io.shopops.ordering.internal.TimelineRepository;
import io.shopops.payment.PaymentId;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.Money;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What after-sales (售後) may do to an order: read what each line paid and what is left to claim back, claim money
 * and units for a request (never more than the line paid: a conditional UPDATE, so concurrent requests cannot
 * together exceed it), give a claim back, and record what actually came back. The claim methods join the caller's
 * transaction, so a request and its claim commit together or not at all.
 */
@Service
public class OrderReturns {

    private final OrderRepository orders;
    private final LineClaimRepository claims;
    private final TimelineRepository timeline;
    private final OrderSupport support;

    OrderReturns(OrderRepository orders, LineClaimRepository claims, TimelineRepository timeline,
            OrderSupport support) {
        this.orders = orders;
        this.claims = claims;
        this.timeline = timeline;
        this.support = support;
    }

    /** The customer's own order; another customer's is not found (404). */
    @Transactional(readOnly = true)
    public ReturnableOrder returnable(CustomerId customer, OrderId id) {
        return view(support.orderOf(customer, id));
    }

    @Transactional(readOnly = true)
    public ReturnableOrder returnable(OrderId id) {
        return view(support.order(id));
    }

    /**
     * Claims every line's amount and units, or none (422 {@code refund-exceeds-paid} naming the line's field when
     * one has less left). Must run inside the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void claim(OrderId order, List<LineClaim> lines) {
        for (int i = 0; i < lines.size(); i++) {
            LineClaim line = lines.get(i);
            if (!claims.claim(order, line)) {
                throw new BusinessRuleException("refund-exceeds-paid", "lines[%d]".formatted(i),
                        "line %d has less left to claim than %s and %d units: another request claimed it"
                                .formatted(line.lineNo(), line.amount(), line.quantity()));
            }
        }
    }

    /** Gives the claims of a rejected or withdrawn request back. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(OrderId order, List<LineClaim> lines) {
        for (LineClaim line : lines) {
            if (!claims.release(order, line)) {
                throw new IllegalStateException("Order %s line %d holds less claimed than %s"
                        .formatted(order, line.lineNo(), line));
            }
        }
    }

    /** Money went back to the customer for these lines (their claimed amounts). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refunded(OrderId order, List<LineClaim> lines) {
        for (LineClaim line : lines) {
            if (!line.amount().isZero() && !claims.refunded(order, line.lineNo(), line.amount().amount())) {
                throw new IllegalStateException("Order %s line %d would be refunded more than it paid"
                        .formatted(order, line.lineNo()));
            }
        }
    }

    /** Units came back to a warehouse for these lines. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void returned(OrderId order, Map<Integer, Integer> quantityByLine) {
        quantityByLine.forEach((lineNo, quantity) -> {
            if (quantity > 0 && !claims.returned(order, lineNo, quantity)) {
                throw new IllegalStateException("Order %s line %d would take back more than it sold"
                        .formatted(order, lineNo));
            }
        });
    }

    /**
     * Writes an after-sales step on the order's timeline, once per {@code sourceRef} (a repeated event adds
     * nothing). Shown to the customer.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void note(OrderId order, Instant at, String actor, String detail, String sourceRef) {
        timeline.appendOnce(order, at, TimelineEntry.Kind.AFTER_SALES, actor, detail, sourceRef);
    }

    private ReturnableOrder view(OrderRecord order) {
        Map<Integer, LineClaimRepository.Claimed> claimed = claims.claimed(order.id());
        List<AllocationRecord> allocations = orders.allocations(order.id());
        var currency = order.total().currency();
        List<ReturnableOrder.Line> lines = orders.lines(order.id()).stream().map(line -> {
            AllocationRecord parcel = allocations.stream()
                    .filter(a -> a.warehouseId().equals(line.warehouseId())).findFirst().orElse(null);
            LineClaimRepository.Claimed claim = Objects.requireNonNull(claimed.get(line.lineNo()));
            return new ReturnableOrder.Line(line.lineNo(), line.skuId(), line.skuCode(), line.title(), line.spec(),
                    line.quantity(), line.payable(), line.warehouseId(), Money.of(claim.amount(), currency),
                    claim.quantity(), line.refundedAmount(), line.returnedQuantity(),
                    parcel == null ? null : parcel.dispatchedAt(), parcel == null ? null : parcel.deliveredAt());
        }).toList();
        PaymentId accepted = orders.payments(order.id()).stream().filter(p -> p.outcome().equals("ACCEPTED"))
                .map(p -> new PaymentId(p.paymentId())).findFirst().orElse(null);
        return new ReturnableOrder(order.id(), order.orderNumber(), new CustomerId(order.customerId()),
                order.status(), order.paidAmount(), order.refundedAmount(), order.paidAt(), order.deliveredAt(),
                order.completedAt(), accepted, lines);
    }
}
