package io.shopops.shared.web;

/** A request body larger than the API accepts; answered with 413 before anything is parsed or written. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(long limit) {
        super("The request body exceeds the limit of " + limit + " bytes");
    }
}
