package io.shopops.payment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

import io.shopops.payment.NotificationLogEntry.Outcome;
import io.shopops.payment.NotificationLogEntry.Source;
import io.shopops.payment.PaymentProvider.Trade;
import io.shopops.payment.internal.IncidentRepository;
import io.shopops.payment.internal.NotificationLogRepository;
import io.shopops.payment.internal.PaymentRepository;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.FieldViolation;
import io.shopops.shared.Money;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The one way a provider's report about a payment changes it, whether the provider sent it (a notification),
 * ShopOps asked (the repair job's status query) or it answered a close: checked against the payment, applied
 * through the state machine's conditional UPDATE, logged, and published. Shared by the steps of
 * {@link Payments}; not part of the module's API.
 */
@Component
class ProviderReports {

    private static final Logger log = LoggerFactory.getLogger(ProviderReports.class);

    private final PaymentRepository payments;
    private final NotificationLogRepository notificationLog;
    private final IncidentRepository incidents;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate separately;

    ProviderReports(PaymentRepository payments, NotificationLogRepository notificationLog,
            IncidentRepository incidents, ApplicationEventPublisher events, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.payments = payments;
        this.notificationLog = notificationLog;
        this.incidents = incidents;
        this.events = events;
        this.clock = clock;
        this.separately = new TransactionTemplate(transactionManager);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Now, to the microsecond that both databases store. */
    Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Refuses a report whose amount, currency or reference differs from the payment's (422
     * {@code report-mismatch}, naming the field), after logging it as an incident. A report that does not say
     * (a status query may not carry the reference) is not held against the payment.
     */
    void checkAgainst(PaymentView payment, Trade trade, String providerCode, @Nullable String payload) {
        Money reported = trade.amount();
        if (reported != null && !reported.currency().equals(payment.amount().currency())) {
            refuse(providerCode, PaymentIncident.Kind.CURRENCY_MISMATCH, payment, payload, "currency",
                    "is %s, the payment is in %s".formatted(reported.currency(), payment.amount().currency()));
        }
        if (reported != null && reported.compareTo(payment.amount()) != 0) {
            refuse(providerCode, PaymentIncident.Kind.AMOUNT_MISMATCH, payment, payload, "amount",
                    "is %s, the payment is of %s".formatted(reported.amount().toPlainString(),
                            payment.amount().amount().toPlainString()));
        }
        if (trade.reference() != null && !trade.reference().equals(payment.reference())) {
            refuse(providerCode, PaymentIncident.Kind.REFERENCE_MISMATCH, payment, payload, "reference",
                    "is %s, the payment is for %s".formatted(trade.reference(), payment.reference()));
        }
        if (trade.state() == PaymentProvider.TradeState.SUCCEEDED && reported == null) {
            refuse(providerCode, PaymentIncident.Kind.MALFORMED, payment, payload, "amount",
                    "is required for a success");
        }
    }

    private void refuse(String providerCode, PaymentIncident.Kind kind, PaymentView payment, @Nullable String payload,
            String field, String reason) {
        incident(providerCode, kind, payment.id(), payment.merchantTradeNo(), field + " " + reason, payload);
        throw new BusinessRuleException("report-mismatch", "The provider's report differs from the payment: " + field
                + " " + reason, List.of(new FieldViolation(field, reason)));
    }

    /**
     * Logs an incident in a transaction of its own, so that it stays when the refusal rolls everything else
     * back; also written to the application log (not the audit log: no staff member acted).
     */
    void incident(String providerCode, PaymentIncident.Kind kind, @Nullable PaymentId paymentId,
            @Nullable String merchantTradeNo, String detail, @Nullable String payload) {
        String remote = remoteAddress();
        log.warn("Payment incident {} from provider {} (payment {}, trade {}, from {}): {}", kind, providerCode,
                paymentId, merchantTradeNo, remote, detail);
        separately.executeWithoutResult(status -> incidents.append(providerCode, kind, paymentId, merchantTradeNo,
                detail, payload, remote, now()));
    }

    /**
     * Applies a checked report to the payment inside the caller's transaction: the row is locked, the status moves
     * if the state machine allows it (a conditional UPDATE from the allowed statuses), the report is logged with
     * what it did, and the move is published. A report of a pending state changes nothing and is not logged.
     */
    Outcome apply(PaymentView payment, Trade trade, Source source, @Nullable String notificationId) {
        PaymentStatus target = switch (trade.state()) {
            case SUCCEEDED -> PaymentStatus.SUCCEEDED;
            case FAILED -> PaymentStatus.FAILED;
            case CLOSED -> PaymentStatus.CLOSED;
            case PENDING, NOT_FOUND -> null;
        };
        PaymentView before = payments.lock(payment.id()).orElseThrow();
        if (target == null) {
            return Outcome.IGNORED;
        }
        if (target == PaymentStatus.SUCCEEDED && trade.transactionId() == null) {
            throw new PaymentProviderException("Provider " + payment.providerCode()
                    + " reported a success without a transaction for payment " + payment.id());
        }
        Instant now = now();
        Instant at = trade.at() == null ? now : trade.at().truncatedTo(ChronoUnit.MICROS);
        boolean moved = payments.transition(payment.id(), target, trade.transactionId(), at, now);
        PaymentView after = payments.find(payment.id()).orElseThrow();
        Outcome outcome;
        if (moved) {
            outcome = Outcome.APPLIED;
            publish(after, target);
        } else if (after.status() == target) {
            outcome = Outcome.DUPLICATE;
            if (target == PaymentStatus.SUCCEEDED
                    && !Objects.equals(after.providerTransactionId(), trade.transactionId())) {
                String detail = "transaction %s reported as paid, the payment was paid by transaction %s"
                        .formatted(trade.transactionId(), after.providerTransactionId());
                log.warn("Payment incident {} (payment {}): {}", PaymentIncident.Kind.SECOND_CAPTURE, after.id(),
                        detail);
                incidents.append(payment.providerCode(), PaymentIncident.Kind.SECOND_CAPTURE, payment.id(),
                        payment.merchantTradeNo(), detail, null, remoteAddress(), now);
            }
        } else {
            outcome = Outcome.IGNORED;
        }
        notificationLog.append(payment.id(), payment.providerCode(), source, notificationId, trade.transactionId(),
                target.name(), trade.amount(), outcome, before.status(), after.status(), now);
        return outcome;
    }

    private void publish(PaymentView payment, PaymentStatus status) {
        switch (status) {
            case SUCCEEDED -> events.publishEvent(new PaymentSucceeded(payment.id(), payment.reference(),
                    payment.amount(), payment.providerCode(), Objects.requireNonNull(payment.providerTransactionId()),
                    Objects.requireNonNull(payment.paidAt())));
            case FAILED -> events.publishEvent(new PaymentFailed(payment.id(), payment.reference(), payment.amount(),
                    payment.providerCode(), Objects.requireNonNull(payment.failedAt())));
            case CLOSED -> events.publishEvent(new PaymentClosed(payment.id(), payment.reference(), payment.amount(),
                    payment.providerCode(), Objects.requireNonNull(payment.closedAt())));
            case PENDING -> throw new IllegalArgumentException("Nothing is published for PENDING");
        }
    }

    private static @Nullable String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
