package io.shopops.aftersales;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.shopops.aftersales.internal.AfterSalesLineRecord;
import io.shopops.aftersales.internal.AfterSalesProperties;
import io.shopops.aftersales.internal.AfterSalesRecord;
import io.shopops.aftersales.internal.AfterSalesRepository;
import io.shopops.aftersales.internal.RefundDue;
import io.shopops.customer.CustomerId;
import io.shopops.ordering.LineClaim;
import io.shopops.ordering.OrderReturns;
import io.shopops.shared.Actors;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What the after-sales facades share: the time, the acting party, reading requests, the timeline, claims given
 * back, starting a refund and the views. Not part of the module's API.
 */
@Component
class AfterSalesSupport {

    private final AfterSalesRepository requests;
    private final OrderReturns orders;
    private final AfterSalesProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AfterSalesSupport(AfterSalesRepository requests, OrderReturns orders, AfterSalesProperties properties,
            ApplicationEventPublisher events, Clock clock) {
        this.requests = requests;
        this.orders = orders;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    static String actor() {
        return Actors.current().username();
    }

    AfterSalesRecord request(AfterSalesId id) {
        return requests.find(id).orElseThrow(() -> NotFoundException.of("After-sales request", id));
    }

    /** The customer's own request; another customer's is as missing as one that does not exist (404). */
    AfterSalesRecord requestOf(CustomerId customer, AfterSalesId id) {
        return requests.find(id).filter(r -> r.customerId().equals(customer))
                .orElseThrow(() -> NotFoundException.of("After-sales request", id));
    }

    /** The refusal of a step the request's status does not allow (422 {@code illegal-transition}). */
    static BusinessRuleException illegal(AfterSalesRecord request, AfterSalesStatus target) {
        return new BusinessRuleException("illegal-transition", "status",
                "After-sales request %s is %s and cannot become %s".formatted(request.requestNo(), request.status(),
                        target));
    }

    /** Records a status change on the request's timeline and on the order's. */
    void step(AfterSalesRecord request, AfterSalesStatus from, AfterSalesStatus to, @Nullable String detail,
            Instant at) {
        requests.step(request.id(), at, to.name(), from, to, actor(), detail, null);
        orders.note(request.orderId(), at, actor(), "%s %s: %s%s".formatted(request.requestNo(),
                request.kind(), to, detail == null ? "" : " (" + detail + ")"),
                "aftersales:" + request.id() + ":" + to);
    }

    /** Gives a closed request's claims on the order lines back. */
    void releaseClaims(AfterSalesRecord request) {
        orders.release(request.orderId(), claims(request, requests.lines(request.id())));
    }

    /** What the request claims of each order line: the money, and the units only when they come back. */
    static List<LineClaim> claims(AfterSalesRecord request, List<AfterSalesLineRecord> lines) {
        return lines.stream().map(l -> new LineClaim(l.lineNo(), l.amount(),
                request.kind() == AfterSalesKind.RETURN_AND_REFUND ? l.quantity() : 0)).toList();
    }

    /** Starts a refund attempt for a request waiting for its money; the provider is asked after commit. */
    void startRefund(AfterSalesRecord request, Instant at) {
        var payment = orders.returnable(request.orderId()).acceptedPayment();
        if (payment == null || !requests.refundRequested(request.id(), payment.value(), at)) {
            throw new BusinessRuleException("refund-not-due", "status",
                    "After-sales request %s has no refund to start".formatted(request.requestNo()));
        }
        requests.step(request.id(), at, "REFUND_REQUESTED", null, null, actor(),
                "%s from payment %s".formatted(request.refundAmount(), payment), null);
        events.publishEvent(new RefundDue(request.id()));
    }

    void publish(Object event) {
        events.publishEvent(event);
    }

    AfterSalesView view(AfterSalesRecord r) {
        List<AfterSalesView.Line> lines = requests.lines(r.id()).stream()
                .map(l -> new AfterSalesView.Line(l.lineNo(), l.skuId(), l.skuCode(), l.title(), l.warehouseId(),
                        l.quantity(), l.amount(), l.restocked(), l.damaged()))
                .toList();
        Instant returnDeadline = r.status() == AfterSalesStatus.APPROVED && r.kind() == AfterSalesKind.RETURN_AND_REFUND
                && r.decidedAt() != null ? r.decidedAt().plus(properties.returnShipWithin()) : null;
        return new AfterSalesView(r.id(), r.requestNo(), r.orderId(), r.orderNumber(), r.customerId(), r.kind(),
                r.reason(), r.description(), requests.evidence(r.id()), r.status(), r.refundAmount(), lines,
                r.returnCarrier(), r.returnTrackingNumber(), r.decisionNote(), r.decidedBy(), r.receiptNote(),
                r.refundProgress(), r.refundId(), r.refundAttempt(), r.refundFailure(), r.requestedAt(),
                r.decidedAt(), returnDeadline, r.returnShippedAt(), r.receivedAt(), r.refundedAt(), r.closedAt(),
                requests.steps(r.id()), r.version());
    }

    static AfterSalesSummary summary(AfterSalesRecord r, int units) {
        return new AfterSalesSummary(r.id(), r.requestNo(), r.orderId(), r.orderNumber(), r.customerId(), r.kind(),
                r.reason(), r.status(), r.refundAmount(), units, r.refundProgress(), r.requestedAt(), r.closedAt());
    }
}
