package io.shopops.payment;

/**
 * A provider could not be reached or answered something unusable. Nothing a provider did is assumed: the
 * payment or refund stays as it was and the repair job asks again later.
 */
public class PaymentProviderException extends RuntimeException {

    public PaymentProviderException(String message) {
        super(message);
    }

    public PaymentProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
