package io.shopops.aftersales;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

import io.shopops.aftersales.internal.AfterSalesLineRecord;
import io.shopops.aftersales.internal.AfterSalesProperties;
import io.shopops.aftersales.internal.AfterSalesRecord;
import io.shopops.aftersales.internal.AfterSalesRepository;
import io.shopops.aftersales.internal.RefundDue;
import io.shopops.ordering.OrderReturns;
import io.shopops.payment.PaymentId;
import io.shopops.payment.Payments;
import io.shopops.payment.RefundFailed;
import io.shopops.payment.RefundRequest;
import io.shopops.payment.RefundStatus;
import io.shopops.payment.RefundSucceeded;
import io.shopops.payment.RefundView;
import io.shopops.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gets a request's money back to the customer: asks the payment module for the refund once the step that made it
 * due has committed (with a key per attempt, so asking again never refunds twice), follows the provider's answer,
 * and closes the request REFUNDED exactly once, whichever of the answer, the payment module's event or the repair
 * job comes first. Also cancels approved returns never shipped back.
 */
@Service
public class AfterSalesRefunds {

    private static final Logger log = LoggerFactory.getLogger(AfterSalesRefunds.class);
    private static final int BATCH = 100;

    private final AfterSalesRepository requests;
    private final OrderReturns orders;
    private final Payments payments;
    private final AfterSalesProperties properties;
    private final AfterSalesSupport support;
    private final TransactionTemplate transactions;

    AfterSalesRefunds(AfterSalesRepository requests, OrderReturns orders, Payments payments,
            AfterSalesProperties properties, AfterSalesSupport support, PlatformTransactionManager transactionManager) {
        this.requests = requests;
        this.orders = orders;
        this.payments = payments;
        this.properties = properties;
        this.support = support;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    public void on(RefundDue due) {
        issue(due.requestId());
    }

    /** The provider confirmed a refund: the request it belongs to (if any) is REFUNDED, once. */
    @ApplicationModuleListener
    public void on(RefundSucceeded refunded) {
        requests.findByRefund(refunded.refundId().value())
                .ifPresent(request -> complete(request, refunded.refundId().value(), refunded.refundedAt()));
    }

    /** The provider refused a refund: the request shows it, and staff may try again. */
    @ApplicationModuleListener
    public void on(RefundFailed failed) {
        requests.findByRefund(failed.refundId().value()).ifPresent(request -> fail(request,
                failed.refundId().value(), failed.reason(), failed.failedAt()));
    }

    /**
     * Asks for the request's current refund attempt, outside any transaction. The same attempt always sends the
     * same key, so however often this runs the payment module creates one refund and answers it again.
     */
    void issue(AfterSalesId id) {
        AfterSalesRecord request = Objects.requireNonNull(transactions.execute(status -> support.request(id)));
        if (request.refundProgress() != RefundProgress.PENDING || request.paymentId() == null) {
            return;
        }
        RefundView refund;
        try {
            refund = payments.refund(new RefundRequest(new PaymentId(request.paymentId()), request.refundAmount(),
                    "After-sales %s for order %s".formatted(request.requestNo(), request.orderNumber()),
                    "aftersales-%s-refund-%d".formatted(request.requestNo(), request.refundAttempt())));
        } catch (DomainException refused) {
            // refused before reaching the provider (nothing left to refund on the payment, say): staff decide
            log.warn("Refund for after-sales request {} refused: {}", request.requestNo(), refused.getMessage());
            transactions.executeWithoutResult(status -> {
                if (requests.attemptFailed(id, request.refundAttempt(), refused.getMessage(), support.now())) {
                    requests.step(id, support.now(), "REFUND_FAILED", null, null, AfterSalesSupport.actor(),
                            refused.getMessage(), null);
                }
            });
            return;
        }
        transactions.executeWithoutResult(status -> {
            requests.refundIssued(id, request.refundAttempt(), refund.id().value());
            AfterSalesRecord current = support.request(id);
            if (refund.status() == RefundStatus.SUCCEEDED) {
                complete(current, refund.id().value(), Objects.requireNonNullElse(refund.completedAt(), support.now()));
            } else if (refund.status() == RefundStatus.FAILED) {
                fail(current, refund.id().value(), Objects.requireNonNullElse(refund.failureReason(), "refused"),
                        support.now());
            }
        });
    }

    private void complete(AfterSalesRecord request, long refundId, Instant at) {
        Instant when = at.truncatedTo(ChronoUnit.MICROS);
        if (!requests.refunded(request.id(), refundId, when)) {
            return;
        }
        List<AfterSalesLineRecord> lines = requests.lines(request.id());
        orders.refunded(request.orderId(), AfterSalesSupport.claims(request, lines));
        support.step(request, request.status(), AfterSalesStatus.REFUNDED, "refund %d of %s".formatted(refundId,
                request.refundAmount()), support.now());
        support.publish(new RefundCompleted(request.id(), request.requestNo(), request.orderId(),
                request.customerId(), request.kind(), request.reason(), request.refundAmount(),
                lines.stream().map(l -> new RefundCompleted.Line(l.skuId(),
                        request.kind() == AfterSalesKind.RETURN_AND_REFUND ? l.restocked() + l.damaged() : l.quantity(),
                        l.amount())).toList(), refundId, when));
    }

    private void fail(AfterSalesRecord request, long refundId, String reason, Instant at) {
        if (requests.refundFailed(request.id(), refundId, reason, at.truncatedTo(ChronoUnit.MICROS))) {
            requests.step(request.id(), support.now(), "REFUND_FAILED", null, null, AfterSalesSupport.actor(),
                    "refund %d: %s".formatted(refundId, reason), "refund:" + refundId + ":failed");
        }
    }

    // --- jobs -------------------------------------------------------------------------------------------------

    /** Asks again for refunds pending longer than {@code refund-repair-after}; returns how many closed. */
    public int repairPending() {
        Instant before = support.now().minus(properties.refundRepairAfter());
        List<AfterSalesId> due = Objects.requireNonNull(transactions.execute(status -> requests.pendingRefunds(before,
                BATCH)));
        int closed = 0;
        for (AfterSalesId id : due) {
            try {
                issue(id);
                if (Objects.requireNonNull(transactions.execute(status -> support.request(id))).status()
                        == AfterSalesStatus.REFUNDED) {
                    closed++;
                }
            } catch (RuntimeException e) {
                log.warn("Could not repair the refund of after-sales request {}", id, e);
            }
        }
        return closed;
    }

    /** Cancels approved returns not shipped back within {@code return-ship-within}; returns how many. */
    public int cancelUnshippedReturns() {
        Instant before = support.now().minus(properties.returnShipWithin());
        List<AfterSalesId> due = Objects.requireNonNull(transactions.execute(status -> requests.unshippedReturns(
                before, BATCH)));
        int cancelled = 0;
        for (AfterSalesId id : due) {
            Boolean done = transactions.execute(status -> {
                AfterSalesRecord request = support.request(id);
                Instant now = support.now();
                if (!requests.cancel(id, EnumSet.of(AfterSalesStatus.APPROVED), now)) {
                    return false;
                }
                support.releaseClaims(request);
                String why = "not shipped back within %d days".formatted(properties.returnShipWithin().toDays());
                support.step(request, request.status(), AfterSalesStatus.CANCELLED, why, now);
                support.publish(new AfterSalesDecided(id, request.requestNo(), request.orderId(),
                        AfterSalesStatus.CANCELLED, why, now));
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                cancelled++;
            }
        }
        return cancelled;
    }
}
