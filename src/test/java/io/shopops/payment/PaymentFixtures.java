package io.shopops.payment;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.shopops.payment.sandbox.SandboxControls;
import io.shopops.payment.sandbox.SandboxFaults;
import io.shopops.payment.sandbox.SandboxNotice;
import io.shopops.shared.Money;

/** Payments for tests, started and paid through the facade and the sandbox as an order and its buyer would. */
public class PaymentFixtures {

    public static final Map<String, String> FORM = Map.of("Content-Type", SandboxNotice.CONTENT_TYPE);
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private final Payments payments;
    private final SandboxControls sandbox;

    PaymentFixtures(Payments payments, SandboxControls sandbox) {
        this.payments = payments;
        this.sandbox = sandbox;
    }

    /** A unique order reference. */
    public static String reference() {
        return "ORD-" + SEQUENCE.incrementAndGet();
    }

    public static Money cny(String amount) {
        return Money.of(amount, Money.CNY);
    }

    public PaymentSession start(String amount) {
        return payments.start(new PaymentRequest(reference(), cny(amount), "Test order", "sandbox", null));
    }

    public PaymentSession start(String amount, Duration expiresIn) {
        return payments.start(new PaymentRequest(reference(), cny(amount), "Test order", "sandbox", expiresIn));
    }

    /** Pays at the sandbox, shaped by the faults, and answers the notifications it made (in delivery order). */
    public List<SandboxNotice> pay(PaymentSession session, SandboxFaults faults) {
        sandbox.inject(session.providerPaymentId(), faults);
        sandbox.pay(session.providerPaymentId());
        return sandbox.notifications(session.providerPaymentId());
    }

    /** The body of the payment's success notification. */
    public String paidNotification(PaymentSession session) {
        return pay(session, SandboxFaults.none()).getLast().body();
    }

    /** A payment that has succeeded (its notification handled). */
    public PaymentView paid(String amount) {
        PaymentSession session = start(amount);
        payments.handleNotification("sandbox", FORM, paidNotification(session));
        return payments.payment(session.paymentId());
    }

    public SandboxControls sandbox() {
        return sandbox;
    }
}
