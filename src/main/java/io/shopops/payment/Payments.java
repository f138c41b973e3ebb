package io.shopops.payment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.shopops.audit.AuditLog;
import io.shopops.payment.DailyReconciliation.Mismatch;
import io.shopops.payment.NotificationLogEntry.Outcome;
import io.shopops.payment.NotificationLogEntry.Source;
import io.shopops.payment.PaymentProvider.Checkout;
import io.shopops.payment.PaymentProvider.CheckoutRequest;
import io.shopops.payment.PaymentProvider.RefundOrder;
import io.shopops.payment.PaymentProvider.RefundOutcome;
import io.shopops.payment.PaymentProvider.StatementLine;
import io.shopops.payment.PaymentProvider.Trade;
import io.shopops.payment.PaymentProvider.TradeState;
import io.shopops.payment.internal.IncidentRepository;
import io.shopops.payment.internal.NotificationLogRepository;
import io.shopops.payment.internal.PaymentProperties;
import io.shopops.payment.internal.PaymentRepository;
import io.shopops.payment.internal.ReconciliationCheck;
import io.shopops.payment.internal.RefundRepository;
import io.shopops.shared.Actor;
import io.shopops.shared.Actors;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.ConflictException;
import io.shopops.shared.FieldViolation;
import io.shopops.shared.InvalidInputException;
import io.shopops.shared.Money;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.ShopProperties;
import io.shopops.shared.Violations;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payments for order references: started at a provider, settled by the provider's reports (notifications, the
 * answers to status queries and closes), refunded, repaired when a report never came, and reconciled with the
 * providers' statements.
 *
 * <p>Calls to a provider are never made inside a database transaction: ShopOps first records what it is about to
 * ask (a pending payment, a pending refund, each with the number the provider will know it by), then asks, then
 * records the answer. Every provider call is idempotent by that number, so an answer that got lost is asked for
 * again (by a repeated start, or by the repair job) and never acted on twice. Every change of a payment's status
 * goes through the state machine of {@link PaymentStatus} as a conditional UPDATE and is published in the same
 * transaction: {@link PaymentSucceeded}, {@link PaymentFailed}, {@link PaymentClosed}, {@link RefundSucceeded},
 * {@link RefundFailed}. Staff actions (refunds) are in the audit log; provider reports in the payment's
 * notification log, refused ones in the incidents.
 *
 * <p>Because they talk to providers, the methods that change something write in transactions of their own: a
 * caller's transaction is suspended meanwhile, and what ShopOps recorded before and after asking a provider stays
 * recorded whatever the caller's transaction does afterwards (a refund the provider made is never forgotten
 * because the caller rolled back). A suspended transaction keeps its database connection while these take
 * another, so callers that can (an event listener's first step, a controller) call them outside a transaction.
 */
@Service
public class Payments {

    public static final int MAX_REFERENCE = 64;
    public static final int MAX_SUBJECT = 128;
    public static final int MAX_REASON = 200;
    /** As Stripe's idempotency keys. */
    public static final int MAX_IDEMPOTENCY_KEY = 255;

    private static final Logger log = LoggerFactory.getLogger(Payments.class);
    private static final int LOG_LIMIT = 200;

    private final PaymentRepository payments;
    private final RefundRepository refunds;
    private final NotificationLogRepository notificationLog;
    private final IncidentRepository incidents;
    private final PaymentProviders providers;
    private final ProviderReports reports;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final PaymentProperties properties;
    private final ShopProperties shop;
    private final TransactionTemplate transactions;
    private final TransactionTemplate reading;

    Payments(PaymentRepository payments, RefundRepository refunds, NotificationLogRepository notificationLog,
            IncidentRepository incidents, PaymentProviders providers, ProviderReports reports, AuditLog audit,
            ApplicationEventPublisher events, PaymentProperties properties, ShopProperties shop,
            PlatformTransactionManager transactionManager) {
        this.payments = payments;
        this.refunds = refunds;
        this.notificationLog = notificationLog;
        this.incidents = incidents;
        this.providers = providers;
        this.reports = reports;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.shop = shop;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.reading = new TransactionTemplate(transactionManager);
        this.reading.setReadOnly(true);
    }

    // --- starting and closing ----------------------------------------------------------------------------------

    /**
     * Opens a payment for the reference at the provider and answers where the customer pays. A reference has one
     * open (pending) payment at a time: starting again with the same amount and provider returns it (409 with a
     * different amount or provider; an open payment whose time ran out is closed and a new one opened); a
     * reference that has been paid is refused (422 {@code already-paid}).
     *
     * @throws PaymentProviderException when the provider cannot be reached; the payment stays pending and a
     *                                  repeated start asks the provider again
     */
    public PaymentSession start(PaymentRequest request) {
        Violations v = new Violations();
        v.text("reference", request.reference(), true, MAX_REFERENCE);
        checkAmount(v, "amount", request.amount());
        v.text("subject", request.subject(), true, MAX_SUBJECT);
        v.code("providerCode", request.providerCode());
        Duration expiresIn = request.expiresIn() == null ? properties.defaultExpiry() : request.expiresIn();
        v.check(!expiresIn.isNegative() && !expiresIn.isZero() && expiresIn.compareTo(properties.maxExpiry()) <= 0,
                "expiresIn", "must be positive and at most " + properties.maxExpiry());
        v.throwIfAny();
        PaymentProvider provider = provider("providerCode", request.providerCode());
        String reference = request.reference().trim();
        String subject = request.subject().trim();
        Money amount = Objects.requireNonNull(request.amount());

        PaymentView payment = openOrCreate(reference, amount, subject, provider, expiresIn);
        if (payment.providerPaymentId() == null) {
            Checkout checkout = provider.create(new CheckoutRequest(payment.merchantTradeNo(), reference, amount,
                    subject, payment.expiresAt()));
            PaymentId id = payment.id();
            payment = transactions.execute(status -> {
                payments.checkout(id, checkout.providerPaymentId(), checkout.cashierUrl(), checkout.qrPayload(),
                        reports.now());
                return payments.find(id).orElseThrow();
            });
        }
        return new PaymentSession(payment.id(), Objects.requireNonNull(payment.providerPaymentId()),
                Objects.requireNonNull(payment.cashierUrl()), payment.qrPayload(), payment.expiresAt());
    }

    private PaymentView openOrCreate(String reference, Money amount, String subject, PaymentProvider provider,
            Duration expiresIn) {
        Optional<PaymentView> stale = reading.execute(status -> payments.findOpen(reference)
                .filter(open -> !open.expiresAt().isAfter(reports.now())));
        if (stale != null && stale.isPresent()) {
            closeAtProvider(stale.get());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> {
                    Optional<PaymentView> open = payments.findOpen(reference);
                    if (open.isPresent()) {
                        return sameRequest(open.get(), amount, provider);
                    }
                    if (payments.hasSucceeded(reference)) {
                        throw new BusinessRuleException("already-paid", "reference",
                                "has been paid already: refund it rather than paying again");
                    }
                    Instant now = reports.now();
                    PaymentId id = payments.insert(reference, merchantNumber('P'), provider.code(), subject, amount,
                            now.plus(expiresIn), actor().username(), now);
                    PaymentView created = payments.find(id).orElseThrow();
                    if (actor().staffId() != null) {
                        audit.record("PAYMENT_STARTED", "payment", id, reference, null, created);
                    }
                    return created;
                });
            } catch (DuplicateKeyException raced) {
                // another start for the same reference committed first: its payment is the open one now
                if (attempt == 3) {
                    throw new ConflictException("reference", "is being paid by another request at the same time");
                }
            }
        }
    }

    private static PaymentView sameRequest(PaymentView open, Money amount, PaymentProvider provider) {
        if (!open.amount().equals(amount)) {
            throw new ConflictException("amount", "the reference has an open payment of %s; close it first"
                    .formatted(open.amount()));
        }
        if (!open.providerCode().equals(provider.code())) {
            throw new ConflictException("providerCode", "the reference has an open payment with %s; close it first"
                    .formatted(open.providerCode()));
        }
        return open;
    }

    /**
     * Closes the reference's open payment (the order was cancelled), at the provider too, and publishes
     * {@link PaymentClosed}. If the customer paid first, the provider says so and the payment succeeds instead
     * ({@link PaymentSucceeded}: the order's module refunds it). A provider that cannot be reached does not stop
     * the close: a payment it still takes is recorded when its notification comes. Empty when the reference has
     * no open payment.
     */
    public Optional<PaymentView> close(String reference) {
        Violations v = new Violations();
        v.text("reference", reference, true, MAX_REFERENCE);
        v.throwIfAny();
        Optional<PaymentView> open = reading.execute(status -> payments.findOpen(reference.trim()));
        return open == null ? Optional.empty() : open.map(this::closeAtProvider);
    }

    private PaymentView closeAtProvider(PaymentView payment) {
        PaymentProvider provider = provider("providerCode", payment.providerCode());
        Trade answer = null;
        try {
            answer = provider.close(payment.merchantTradeNo());
        } catch (PaymentProviderException unreachable) {
            log.warn("Provider {} could not close payment {}; closing it in ShopOps only", provider.code(),
                    payment.id(), unreachable);
        }
        Trade report = answer != null && answer.state() == TradeState.SUCCEEDED ? answer
                : new Trade(payment.merchantTradeNo(), TradeState.CLOSED, null, null, null,
                        answer == null ? null : answer.at());
        reports.checkAgainst(payment, report, provider.code(), null);
        return Objects.requireNonNull(transactions.execute(status -> {
            Outcome outcome = reports.apply(payment, report, Source.CLOSE, null);
            PaymentView after = payments.find(payment.id()).orElseThrow();
            if (outcome == Outcome.APPLIED && actor().staffId() != null) {
                audit.record("PAYMENT_CLOSED", "payment", payment.id(), payment.reference(), payment, after);
            }
            return after;
        }));
    }

    // --- provider reports --------------------------------------------------------------------------------------

    /**
     * Handles an asynchronous notification as the provider sent it (headers, raw body). The provider verifies
     * its signature; then its amount, currency and reference are checked against the payment it names, and it is
     * applied through the state machine. Handling the same notification again, or a late or out-of-order one,
     * changes nothing: a payment moves once per status, and succeeds once.
     *
     * <p>A forged or unreadable notification (400), one naming an unknown payment (400) or one that differs from
     * the payment (422 {@code report-mismatch}) is refused, changes nothing and is logged as an incident.
     *
     * @return what the provider expects in answer, so that it stops resending
     */
    public PaymentProvider.Acknowledgement handleNotification(String providerCode, Map<String, String> headers,
            String body) {
        PaymentProvider provider = providers.find(providerCode)
                .orElseThrow(() -> NotFoundException.of("Payment provider", providerCode));
        Map<String, String> lowerCase = new HashMap<>();
        headers.forEach((name, value) -> lowerCase.put(name.toLowerCase(Locale.ROOT), value));
        PaymentProvider.Notification notification;
        try {
            notification = provider.verify(lowerCase, body);
        } catch (NotificationRejectedException rejected) {
            reports.incident(provider.code(), rejected.kind(), null, null, rejected.getMessage(), body);
            String field = rejected.kind() == PaymentIncident.Kind.SIGNATURE_INVALID ? "signature" : "body";
            throw new InvalidInputException(field, rejected.getMessage());
        }
        Trade trade = notification.trade();
        Optional<PaymentView> named = reading.execute(status -> payments.findByMerchantTradeNo(trade.merchantTradeNo())
                .filter(p -> p.providerCode().equals(provider.code())));
        if (named == null || named.isEmpty()) {
            reports.incident(provider.code(), PaymentIncident.Kind.UNKNOWN_PAYMENT, null, trade.merchantTradeNo(),
                    "no payment of this provider has the merchant trade number", body);
            throw NotFoundException.reference("merchantTradeNo", "Payment", trade.merchantTradeNo());
        }
        PaymentView payment = named.get();
        reports.checkAgainst(payment, trade, provider.code(), body);
        transactions.executeWithoutResult(status -> reports.apply(payment, trade, Source.NOTIFICATION,
                notification.notificationId()));
        return provider.acknowledgement();
    }

    /**
     * The repair job's work: every payment still pending {@code repair-after} after it was started is asked about
     * at its provider, and the answer is applied exactly as a notification would be (an unpaid payment whose time
     * ran out is closed); every refund still pending that long is asked about too (and sent again if the provider
     * never got it). Each in a transaction of its own. Returns how many payments and refunds changed.
     */
    public int repairPending() {
        Instant before = reports.now().minus(properties.repairAfter());
        int changed = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<PaymentView> batch = reading.execute(status -> payments.pendingSince(before, from,
                    properties.repairBatchSize()));
            if (batch == null || batch.isEmpty()) {
                break;
            }
            for (PaymentView payment : batch) {
                after = payment.id().value();
                try {
                    changed += repair(payment) ? 1 : 0;
                } catch (RuntimeException e) {
                    log.warn("Could not repair payment {}", payment.id(), e);
                }
            }
        }
        after = 0;
        while (true) {
            long from = after;
            List<RefundView> batch = reading.execute(status -> refunds.pendingSince(before, from,
                    properties.repairBatchSize()));
            if (batch == null || batch.isEmpty()) {
                break;
            }
            for (RefundView refund : batch) {
                after = refund.id().value();
                try {
                    changed += repair(refund) ? 1 : 0;
                } catch (RuntimeException e) {
                    log.warn("Could not repair refund {}", refund.id(), e);
                }
            }
        }
        return changed;
    }

    private boolean repair(PaymentView payment) {
        PaymentProvider provider = provider("providerCode", payment.providerCode());
        Trade answer = provider.query(payment.merchantTradeNo());
        boolean expired = !payment.expiresAt().isAfter(reports.now());
        if (answer.state() == TradeState.PENDING || answer.state() == TradeState.NOT_FOUND) {
            if (!expired) {
                return false;
            }
            return closeAtProvider(payment).status() != PaymentStatus.PENDING;
        }
        reports.checkAgainst(payment, answer, provider.code(), null);
        Outcome outcome = transactions.execute(status -> reports.apply(payment, answer, Source.QUERY, null));
        return outcome == Outcome.APPLIED;
    }

    private boolean repair(RefundView refund) {
        PaymentView payment = reading.execute(status -> payments.find(refund.paymentId()).orElseThrow());
        PaymentProvider provider = provider("providerCode", Objects.requireNonNull(payment).providerCode());
        RefundOutcome outcome = provider.queryRefund(payment.merchantTradeNo(), refund.refundNo());
        if (outcome.state() == PaymentProvider.RefundState.NOT_FOUND) {
            outcome = provider.refund(new RefundOrder(payment.merchantTradeNo(), refund.refundNo(), refund.amount(),
                    refund.reason()));
        }
        RefundOutcome answer = outcome;
        return Boolean.TRUE.equals(transactions.execute(status -> completeRefund(refund, payment, answer)));
    }

    // --- refunds -----------------------------------------------------------------------------------------------

    /**
     * Refunds part or all of a succeeded payment: the amount is taken from what is left to refund by a conditional
     * UPDATE (so concurrent refunds never exceed the captured amount; 422 {@code refund-exceeds-captured}), the
     * refund is recorded PENDING, then the provider is asked and the refund ends SUCCEEDED or FAILED (a failed
     * refund's amount is refundable again). The same idempotency key returns the same refund in its current state,
     * however often and however concurrently it is sent; with a different payment, amount or reason it is refused
     * (409). A provider that cannot be reached leaves the refund pending for the repair job.
     */
    public RefundView refund(RefundRequest request) {
        Violations v = new Violations();
        v.check(request.paymentId() != null, "paymentId", "is required");
        checkAmount(v, "amount", request.amount());
        v.text("reason", request.reason(), false, MAX_REASON);
        v.text("idempotencyKey", request.idempotencyKey(), true, MAX_IDEMPOTENCY_KEY);
        v.throwIfAny();
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().trim();
        RefundRequest normalised = new RefundRequest(request.paymentId(), request.amount(), reason,
                request.idempotencyKey());
        Requested requested;
        try {
            requested = Objects.requireNonNull(transactions.execute(status -> requestRefund(normalised)));
        } catch (DuplicateKeyException sameKeyAtOnce) {
            // a request with the same key committed first: answer with its refund
            requested = Objects.requireNonNull(reading.execute(status -> new Requested(replay(normalised), null)));
        }
        if (requested.payment() != null) {
            sendToProvider(requested.refund(), requested.payment());
        }
        RefundId id = requested.refund().id();
        return Objects.requireNonNull(reading.execute(status -> refunds.find(id).orElseThrow()));
    }

    /** A refund just recorded (with its payment, to be sent to the provider) or found by its key (no payment). */
    private record Requested(RefundView refund, @Nullable PaymentView payment) {
    }

    private Requested requestRefund(RefundRequest request) {
        String key = Objects.requireNonNull(request.idempotencyKey());
        if (refunds.findByIdempotencyKey(key).isPresent()) {
            return new Requested(replay(request), null);
        }
        PaymentId paymentId = Objects.requireNonNull(request.paymentId());
        Money amount = Objects.requireNonNull(request.amount());
        PaymentView payment = payments.find(paymentId).orElseThrow(() -> NotFoundException.of("Payment", paymentId));
        if (payment.status() != PaymentStatus.SUCCEEDED) {
            throw new BusinessRuleException("payment-not-captured",
                    "Payment %s is %s: only a succeeded payment can be refunded".formatted(paymentId,
                            payment.status()));
        }
        if (!amount.currency().equals(payment.amount().currency())) {
            throw new InvalidInputException("amount", "must be in " + payment.amount().currency());
        }
        Instant now = reports.now();
        RefundId id = refunds.insert(paymentId, merchantNumber('R'), key, amount, request.reason(),
                actor().username(), now);
        if (!payments.reserveRefund(paymentId, amount, now)) {
            Money left = payments.find(paymentId).orElseThrow().refundable();
            throw new BusinessRuleException("refund-exceeds-captured", "amount",
                    "at most %s of the payment is left to refund".formatted(left.amount().toPlainString()));
        }
        RefundView refund = refunds.find(id).orElseThrow();
        if (actor().staffId() != null) {
            audit.record("PAYMENT_REFUND_REQUESTED", "payment", paymentId,
                    "%s refund of %s for %s".formatted(amount, payment.merchantTradeNo(), payment.reference()), null,
                    refund);
        }
        return new Requested(refund, payment);
    }

    private RefundView replay(RefundRequest request) {
        RefundRepository.Keyed keyed = refunds.findByIdempotencyKey(Objects.requireNonNull(request.idempotencyKey()))
                .orElseThrow(() -> new ConflictException("idempotencyKey", "is being used by another request"));
        RefundView existing = keyed.refund();
        boolean same = existing.paymentId().equals(request.paymentId())
                && existing.amount().equals(request.amount())
                && Objects.equals(existing.reason(), request.reason());
        if (!same) {
            throw new ConflictException("idempotencyKey",
                    "was used for refund %s with a different payment, amount or reason".formatted(existing.id()));
        }
        return existing;
    }

    private void sendToProvider(RefundView refund, PaymentView payment) {
        PaymentProvider provider = provider("providerCode", payment.providerCode());
        RefundOutcome outcome;
        try {
            outcome = provider.refund(new RefundOrder(payment.merchantTradeNo(), refund.refundNo(), refund.amount(),
                    refund.reason()));
        } catch (PaymentProviderException unreachable) {
            log.warn("Provider {} did not answer refund {}; the repair job asks again", provider.code(),
                    refund.id(), unreachable);
            return;
        }
        transactions.executeWithoutResult(status -> completeRefund(refund, payment, outcome));
    }

    /** Ends a pending refund as the provider says, once, and publishes it; false if nothing changed. */
    private boolean completeRefund(RefundView refund, PaymentView payment, RefundOutcome outcome) {
        Instant at = outcome.at() == null ? reports.now() : outcome.at().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        switch (outcome.state()) {
            case SUCCEEDED -> {
                if (refunds.complete(refund.id(), RefundStatus.SUCCEEDED, outcome.providerRefundId(), null, at)) {
                    events.publishEvent(new RefundSucceeded(refund.id(), payment.id(), payment.reference(),
                            refund.amount(), at));
                    return true;
                }
                return false;
            }
            case FAILED -> {
                String reason = outcome.failureReason() == null ? "refused by the provider" : outcome.failureReason();
                if (refunds.complete(refund.id(), RefundStatus.FAILED, outcome.providerRefundId(), reason, at)) {
                    if (!payments.releaseRefund(payment.id(), refund.amount(), reports.now())) {
                        throw new IllegalStateException("Payment %s holds less refunded than refund %s: check its refunds"
                                .formatted(payment.id(), refund.id()));
                    }
                    events.publishEvent(new RefundFailed(refund.id(), payment.id(), payment.reference(),
                            refund.amount(), reason, at));
                    return true;
                }
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    // --- history -----------------------------------------------------------------------------------------------

    /** The most payments one import may carry. */
    public static final int MAX_IMPORT = 200_000;
    /** Providers' transaction and refund numbers: Alipay's are 28 characters, WeChat Pay's 32. */
    public static final int MAX_PROVIDER_NUMBER = 32;

    /**
     * Imports payments that succeeded before ShopOps kept this shop's books, with their successful refunds, in JDBC
     * batches, and answers what it wrote in input order. Each gets a merchant trade number (and each refund a
     * merchant refund number) as a live payment would, and the provider's books are given the same history where
     * ShopOps keeps them (the sandbox: {@link PaymentProvider#importHistorical}), so that the daily reconciliation of
     * an imported day agrees. Unlike the methods that talk to a provider, this one runs in the caller's transaction:
     * an import is all or nothing.
     *
     * <p>Refused with 400 naming the field ({@code payments[4].refunds[0].amount}) for bad input, an unknown
     * provider, refunds adding up to more than the payment, or times out of order or in the future; with 409 naming
     * the field for a reference that has a payment already or a provider transaction number recorded already (or
     * given twice). Nothing is written then. No event is published (the ordering module imports its side itself),
     * and one audit entry records the import.
     */
    @Transactional
    public List<ImportedPayment> importHistorical(List<HistoricalPayment> imported) {
        Violations v = new Violations();
        if (imported.isEmpty()) {
            v.add("payments", "must contain at least one payment");
        } else if (imported.size() > MAX_IMPORT) {
            v.add("payments", "must contain at most " + MAX_IMPORT + " payments");
        }
        v.throwIfAny();
        Instant now = reports.now();
        Map<String, Integer> references = new HashMap<>();
        Map<String, Integer> transactions = new HashMap<>();
        Map<String, String> refundNumbers = new HashMap<>();
        for (int i = 0; i < imported.size(); i++) {
            HistoricalPayment payment = imported.get(i);
            Violations at = v.nested("payments[" + i + "]");
            if (payment == null) {
                at.add("reference", "is required");
                continue;
            }
            at.text("reference", payment.reference(), true, MAX_REFERENCE);
            if (payment.reference() != null && !payment.reference().isBlank()) {
                Integer first = references.putIfAbsent(payment.reference().trim(), i);
                at.check(first == null, "reference", "is also the reference of payments[" + first + "]");
            }
            if (payment.providerCode() == null || payment.providerCode().isBlank()) {
                at.add("providerCode", "is required");
            } else if (providers.find(payment.providerCode().trim()).isEmpty()) {
                at.add("providerCode", "Payment provider " + payment.providerCode().trim() + " does not exist");
            }
            checkAmount(at, "amount", payment.amount());
            at.text("subject", payment.subject(), true, MAX_SUBJECT);
            at.check(payment.createdAt() != null, "createdAt", "is required");
            checkTime(at, "paidAt", payment.paidAt(), payment.createdAt(), "createdAt", now);
            at.text("providerTransactionId", payment.providerTransactionId(), true, MAX_PROVIDER_NUMBER);
            if (payment.providerTransactionId() != null && !payment.providerTransactionId().isBlank()
                    && payment.providerCode() != null) {
                Integer first = transactions.putIfAbsent(payment.providerCode().trim() + " "
                        + payment.providerTransactionId().trim(), i);
                at.check(first == null, "providerTransactionId", "is also the transaction of payments[" + first + "]");
            }
            List<HistoricalPayment.Refund> refunds = payment.refunds() == null ? List.of() : payment.refunds();
            Money refunded = Money.zero(shop.currency());
            for (int r = 0; r < refunds.size(); r++) {
                HistoricalPayment.Refund refund = refunds.get(r);
                Violations refundAt = at.nested("refunds[" + r + "]");
                if (refund == null) {
                    refundAt.add("amount", "is required");
                    continue;
                }
                checkAmount(refundAt, "amount", refund.amount());
                if (refund.amount() != null && refund.amount().currency().equals(shop.currency())) {
                    refunded = refunded.plus(refund.amount());
                }
                refundAt.text("reason", refund.reason(), false, MAX_REASON);
                checkTime(refundAt, "requestedAt", refund.requestedAt(), payment.paidAt(), "the payment's paidAt", now);
                checkTime(refundAt, "refundedAt", refund.refundedAt(), refund.requestedAt(), "requestedAt", now);
                refundAt.text("providerRefundId", refund.providerRefundId(), true, MAX_PROVIDER_NUMBER);
                if (refund.providerRefundId() != null && !refund.providerRefundId().isBlank()) {
                    String place = "payments[" + i + "].refunds[" + r + "]";
                    String first = refundNumbers.putIfAbsent(refund.providerRefundId().trim(), place);
                    refundAt.check(first == null, "providerRefundId", "is also the refund number of " + first);
                }
            }
            if (payment.amount() != null && refunded.isGreaterThan(payment.amount())) {
                at.add("refunds", "add up to %s, more than the payment's %s".formatted(refunded, payment.amount()));
            }
        }
        v.throwIfAny();

        List<FieldViolation> conflicts = new ArrayList<>();
        Set<String> referenced = payments.referencesWithPayments(references.keySet());
        Map<String, List<String>> byProvider = new HashMap<>();
        imported.forEach(p -> byProvider.computeIfAbsent(p.providerCode().trim(), k -> new ArrayList<>())
                .add(p.providerTransactionId().trim()));
        Set<String> recorded = new HashSet<>();
        byProvider.forEach((provider, ids) -> payments.transactionsRecorded(provider, ids)
                .forEach(id -> recorded.add(provider + " " + id)));
        for (int i = 0; i < imported.size(); i++) {
            HistoricalPayment payment = imported.get(i);
            if (referenced.contains(payment.reference().trim())) {
                conflicts.add(new FieldViolation("payments[" + i + "].reference", "has a payment already"));
            }
            if (recorded.contains(payment.providerCode().trim() + " " + payment.providerTransactionId().trim())) {
                conflicts.add(new FieldViolation("payments[" + i + "].providerTransactionId", "is recorded already"));
            }
        }
        if (!conflicts.isEmpty()) {
            throw new ConflictException(conflicts.size() + " imported payments are known already", conflicts);
        }

        String actor = actor().username();
        List<String> tradeNos = new ArrayList<>(imported.size());
        List<List<String>> refundNos = new ArrayList<>(imported.size());
        Map<String, List<PaymentProvider.HistoricalTrade>> trades = new HashMap<>();
        for (HistoricalPayment payment : imported) {
            String tradeNo = merchantNumber('P');
            tradeNos.add(tradeNo);
            List<String> numbers = new ArrayList<>();
            List<PaymentProvider.HistoricalRefund> refunds = new ArrayList<>();
            for (HistoricalPayment.Refund refund : refundsOf(payment)) {
                String refundNo = merchantNumber('R');
                numbers.add(refundNo);
                refunds.add(new PaymentProvider.HistoricalRefund(refundNo, refund.providerRefundId().trim(),
                        refund.amount(), trimToNull(refund.reason()), micros(refund.refundedAt())));
            }
            refundNos.add(numbers);
            trades.computeIfAbsent(payment.providerCode().trim(), k -> new ArrayList<>())
                    .add(new PaymentProvider.HistoricalTrade(tradeNo, payment.reference().trim(),
                            payment.subject().trim(), payment.amount(), micros(payment.createdAt()),
                            micros(payment.createdAt()).plus(properties.defaultExpiry()), micros(payment.paidAt()),
                            payment.providerTransactionId().trim(), refunds));
        }
        Map<String, String> providerPaymentIds = new HashMap<>();
        trades.forEach((code, list) -> providerPaymentIds.putAll(providers.find(code).orElseThrow()
                .importHistorical(list)));

        List<PaymentRepository.SucceededRow> rows = new ArrayList<>(imported.size());
        for (int i = 0; i < imported.size(); i++) {
            HistoricalPayment payment = imported.get(i);
            Money refunded = Money.zero(payment.amount().currency());
            Instant updated = micros(payment.paidAt());
            for (HistoricalPayment.Refund refund : refundsOf(payment)) {
                refunded = refunded.plus(refund.amount());
                updated = micros(refund.refundedAt()).isAfter(updated) ? micros(refund.refundedAt()) : updated;
            }
            rows.add(new PaymentRepository.SucceededRow(payment.reference().trim(), tradeNos.get(i),
                    payment.providerCode().trim(), providerPaymentIds.get(tradeNos.get(i)),
                    payment.providerTransactionId().trim(), payment.subject().trim(), payment.amount(), refunded,
                    micros(payment.createdAt()), micros(payment.createdAt()).plus(properties.defaultExpiry()),
                    micros(payment.paidAt()), updated, actor));
        }
        List<PaymentId> ids = payments.insertSucceeded(rows);
        List<RefundRepository.SucceededRow> refundRows = new ArrayList<>();
        for (int i = 0; i < imported.size(); i++) {
            List<HistoricalPayment.Refund> refunds = refundsOf(imported.get(i));
            for (int r = 0; r < refunds.size(); r++) {
                HistoricalPayment.Refund refund = refunds.get(r);
                String refundNo = refundNos.get(i).get(r);
                refundRows.add(new RefundRepository.SucceededRow(ids.get(i), refundNo, "import-" + refundNo,
                        refund.amount(), trimToNull(refund.reason()), refund.providerRefundId().trim(),
                        micros(refund.requestedAt()), micros(refund.refundedAt()), actor));
            }
        }
        List<RefundId> refundIds = refunds.insertSucceeded(refundRows);
        List<ImportedPayment> result = new ArrayList<>(ids.size());
        int next = 0;
        for (int i = 0; i < ids.size(); i++) {
            int count = refundNos.get(i).size();
            result.add(new ImportedPayment(ids.get(i), tradeNos.get(i), refundIds.subList(next, next + count)));
            next += count;
        }
        audit.record("PAYMENTS_IMPORTED", "payment", null, "%d historical payments with %d refunds imported"
                .formatted(ids.size(), refundIds.size()), null, null);
        return result;
    }

    private static List<HistoricalPayment.Refund> refundsOf(HistoricalPayment payment) {
        return payment.refunds() == null ? List.of() : payment.refunds();
    }

    /** A time that must be there, not before {@code earliest} (when that is known), and not after now. */
    private static void checkTime(Violations v, String field, @Nullable Instant time, @Nullable Instant earliest,
            String earliestName, Instant now) {
        if (time == null) {
            v.add(field, "is required");
        } else if (time.isAfter(now)) {
            v.add(field, "must not be in the future");
        } else if (earliest != null && time.isBefore(earliest)) {
            v.add(field, "must not be before " + earliestName);
        }
    }

    private static Instant micros(Instant time) {
        return time.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static @Nullable String trimToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    // --- reading -----------------------------------------------------------------------------------------------

    public PaymentView payment(PaymentId id) {
        return Objects.requireNonNull(reading.execute(status -> payments.find(id)
                .orElseThrow(() -> NotFoundException.of("Payment", id))));
    }

    /** The payment with its refunds, its notification log and its incidents. */
    public PaymentDetail detail(PaymentId id) {
        return Objects.requireNonNull(reading.execute(status -> {
            PaymentView payment = payments.find(id).orElseThrow(() -> NotFoundException.of("Payment", id));
            return new PaymentDetail(payment, refunds.ofPayment(id), notificationLog.ofPayment(id, LOG_LIMIT),
                    incidents.ofPayment(id, LOG_LIMIT));
        }));
    }

    public RefundView refund(RefundId id) {
        return Objects.requireNonNull(reading.execute(status -> refunds.find(id)
                .orElseThrow(() -> NotFoundException.of("Refund", id))));
    }

    /** Payments by status, reference, provider and the shop's days they were started on, newest first. */
    public Page<PaymentView> find(PaymentQuery query, PageQuery page) {
        Violations v = new Violations();
        v.text("reference", query.reference(), false, MAX_REFERENCE);
        v.check(query.from() == null || query.to() == null || !query.to().isBefore(query.from()), "to",
                "must not be before from");
        v.throwIfAny();
        ZoneId zone = shop.zone();
        Instant from = query.from() == null ? null : query.from().atStartOfDay(zone).toInstant();
        Instant to = query.to() == null ? null : query.to().plusDays(1).atStartOfDay(zone).toInstant();
        String reference = query.reference() == null || query.reference().isBlank() ? null : query.reference().trim();
        String provider = query.providerCode() == null || query.providerCode().isBlank() ? null
                : query.providerCode().trim();
        return Objects.requireNonNull(reading.execute(status -> payments.find(query.status(), reference, provider,
                from, to, page)));
    }

    public Page<PaymentIncident> incidents(PaymentIncident.@Nullable Kind kind, PageQuery page) {
        return Objects.requireNonNull(reading.execute(status -> incidents.find(kind, page)));
    }

    // --- reconciliation ----------------------------------------------------------------------------------------

    /**
     * The payments that succeeded on the shop's {@code day} (by their {@code paidAt}), oldest first: what the
     * ordering module checks its paid orders against.
     */
    public List<PaymentView> captured(LocalDate day) {
        ZoneId zone = shop.zone();
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        return Objects.requireNonNull(reading.execute(status -> payments.capturedBetween(from, to)));
    }

    /**
     * Compares ShopOps' captures and refunds of a day (the shop's day: {@code shopops.shop.zone}) with every
     * provider's statement of that day, and sums both sides. Changes nothing.
     */
    public DailyReconciliation reconcile(@Nullable LocalDate day) {
        if (day == null) {
            throw new InvalidInputException("day", "is required");
        }
        ZoneId zone = shop.zone();
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        Books ours = Objects.requireNonNull(reading.execute(status -> {
            List<PaymentView> captured = payments.capturedBetween(from, to);
            List<RefundView> refunded = refunds.refundedBetween(from, to);
            Set<PaymentId> ofRefunds = refunded.stream().map(RefundView::paymentId).collect(Collectors.toSet());
            Map<PaymentId, PaymentView> refundPayments = new HashMap<>();
            for (PaymentId id : ofRefunds) {
                payments.find(id).ifPresent(p -> refundPayments.put(id, p));
            }
            return new Books(captured, refunded, refundPayments);
        }));
        List<StatementLine> statements = new ArrayList<>();
        List<Mismatch> mismatches = new ArrayList<>();
        for (String code : providers.codes()) {
            PaymentProvider provider = providers.find(code).orElseThrow();
            List<StatementLine> statement = provider.statement(day, zone);
            statements.addAll(statement);
            Set<String> tradeNos = new HashSet<>();
            Set<String> refundNos = new HashSet<>();
            statement.forEach(line -> {
                tradeNos.add(line.merchantTradeNo());
                if (line.merchantRefundNo() != null) {
                    refundNos.add(line.merchantRefundNo());
                }
            });
            Map<String, PaymentView> byTradeNo = new HashMap<>();
            Map<String, RefundView> byRefundNo = new HashMap<>();
            reading.executeWithoutResult(status -> {
                payments.findByMerchantTradeNos(tradeNos).forEach(p -> byTradeNo.put(p.merchantTradeNo(), p));
                refunds.findByRefundNos(refundNos).forEach(r -> byRefundNo.put(r.refundNo(), r));
                byRefundNo.values().forEach(r -> {
                    if (!ours.refundPayments().containsKey(r.paymentId())) {
                        payments.find(r.paymentId()).ifPresent(p -> ours.refundPayments().put(r.paymentId(), p));
                    }
                });
            });
            Function<PaymentId, PaymentView> paymentOf = ours.refundPayments()::get;
            mismatches.addAll(ReconciliationCheck.compare(code,
                    ours.captured().stream().filter(p -> p.providerCode().equals(code)).toList(),
                    ours.refunded().stream().filter(r -> code.equals(providerOf(ours, r))).toList(),
                    statement, paymentOf, no -> Optional.ofNullable(byTradeNo.get(no))
                            .filter(p -> p.providerCode().equals(code)),
                    no -> Optional.ofNullable(byRefundNo.get(no))));
        }
        return new DailyReconciliation(day, zone.getId(),
                ReconciliationCheck.totals(ours.captured(), ours.refunded(), shop.currency()),
                ReconciliationCheck.totals(statements, shop.currency()), mismatches, reports.now());
    }

    private record Books(List<PaymentView> captured, List<RefundView> refunded,
            Map<PaymentId, PaymentView> refundPayments) {
    }

    private static @Nullable String providerOf(Books books, RefundView refund) {
        PaymentView payment = books.refundPayments().get(refund.paymentId());
        return payment == null ? null : payment.providerCode();
    }

    // --- shared steps ------------------------------------------------------------------------------------------

    private PaymentProvider provider(String field, @Nullable String code) {
        String trimmed = code == null ? "" : code.trim();
        return providers.find(trimmed).orElseThrow(() -> NotFoundException.reference(field, "Payment provider",
                trimmed));
    }

    private void checkAmount(Violations v, String field, @Nullable Money amount) {
        if (amount == null) {
            v.add(field, "is required");
        } else if (!amount.currency().equals(shop.currency())) {
            v.add(field, "must be in " + shop.currency().getCurrencyCode());
        } else if (amount.amount().signum() <= 0) {
            v.add(field, "must be more than zero");
        } else if (amount.amount().compareTo(Violations.MAX_AMOUNT) > 0) {
            v.add(field, "must be at most " + Violations.MAX_AMOUNT.toPlainString());
        }
    }

    /** A merchant number the provider knows a payment ('P') or refund ('R') by: 32 characters, as WeChat allows. */
    private static String merchantNumber(char kind) {
        return kind + UUID.randomUUID().toString().replace("-", "").substring(1);
    }

    private static Actor actor() {
        return Actors.current();
    }
}
