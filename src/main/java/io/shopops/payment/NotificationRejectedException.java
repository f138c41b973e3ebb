package io.shopops.payment;

/**
 * A provider refuses a notification it cannot vouch for: the signature does not verify or the body cannot be
 * read. {@link Payments#handleNotification} logs it as an incident and answers the caller with 4xx.
 */
public class NotificationRejectedException extends RuntimeException {

    private final PaymentIncident.Kind kind;

    public NotificationRejectedException(PaymentIncident.Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public PaymentIncident.Kind kind() {
        return kind;
    }
}
