package io.shopops.payment;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Listens to the payment module's events as another module would (after commit), so that each publication is
 * stored in the outbox ({@code event_publication}); counts both what was received and what was published.
 */
public class PaymentEvents {

    private final List<Object> received = new CopyOnWriteArrayList<>();
    private final JdbcClient jdbc;

    PaymentEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @TransactionalEventListener
    void on(PaymentSucceeded event) {
        received.add(event);
    }

    @TransactionalEventListener
    void on(PaymentFailed event) {
        received.add(event);
    }

    @TransactionalEventListener
    void on(PaymentClosed event) {
        received.add(event);
    }

    @TransactionalEventListener
    void on(RefundSucceeded event) {
        received.add(event);
    }

    @TransactionalEventListener
    void on(RefundFailed event) {
        received.add(event);
    }

    /** Events of this type received for the payment. */
    public <T> List<T> received(Class<T> type, PaymentId payment) {
        return received.stream().filter(type::isInstance).map(type::cast)
                .filter(event -> payment.equals(paymentOf(event))).toList();
    }

    /** Publications of this type stored in the outbox for the payment (one per listener, here exactly one). */
    public long published(Class<?> type, PaymentId payment) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM event_publication
                WHERE event_type = :type AND listener_id LIKE :listener AND serialized_event LIKE :payment
                """)
                .param("type", type.getName()).param("listener", "%" + PaymentEvents.class.getName() + "%")
                .param("payment", "%\"paymentId\":" + payment.value() + ",%")
                .query(Long.class).single();
    }

    private static PaymentId paymentOf(Object event) {
        return switch (event) {
            case PaymentSucceeded e -> e.paymentId();
            case PaymentFailed e -> e.paymentId();
            case PaymentClosed e -> e.paymentId();
            case RefundSucceeded e -> e.paymentId();
            case RefundFailed e -> e.paymentId();
            default -> throw new IllegalArgumentException("not a payment event: " + event);
        };
    }
}
