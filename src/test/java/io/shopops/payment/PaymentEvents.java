package io.shopops.payment;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;

import static org.awaitility.Awaitility.await;

/**
 * Listens to the payment module's events as another module would ({@code @ApplicationModuleListener}: after
 * commit, asynchronously, in a transaction of its own), so that each publication is stored in the outbox
 * ({@code event_publication}); counts what was published (at once) and what was received (eventually).
 */
public class PaymentEvents {

    private final List<Object> received = new CopyOnWriteArrayList<>();
    private final JdbcClient jdbc;

    PaymentEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(PaymentSucceeded event) {
        received.add(event);
    }

    @ApplicationModuleListener
    void on(PaymentFailed event) {
        received.add(event);
    }

    @ApplicationModuleListener
    void on(PaymentClosed event) {
        received.add(event);
    }

    @ApplicationModuleListener
    void on(RefundSucceeded event) {
        received.add(event);
    }

    @ApplicationModuleListener
    void on(RefundFailed event) {
        received.add(event);
    }

    /** Waits until exactly {@code count} events of this type were received for the payment, and answers them. */
    public <T> List<T> awaitReceived(Class<T> type, PaymentId payment, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> received(type, payment).size() >= count);
        List<T> events = received(type, payment);
        if (events.size() != count) {
            throw new AssertionError("Expected %d %s for payment %s, received %d".formatted(count,
                    type.getSimpleName(), payment, events.size()));
        }
        return events;
    }

    /** Events of this type received for the payment so far. */
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
