package io.shopops.flashsale;

/**
 * The gate's answer to one attempt: accepted with the customer's entitlement, or refused with the reason. A
 * repeat by a customer who was accepted before is answered with that same entitlement ({@code repeated}), however
 * often it comes and from whichever node: repeated clicks count once.
 */
public sealed interface Attempt permits Attempt.Accepted, Attempt.Refused {

    record Accepted(Entitlement entitlement, boolean repeated) implements Attempt {
    }

    /** @param message for the customer, naming what was asked and what stands in the way */
    record Refused(Refusal refusal, String message) implements Attempt {
    }

    /** Why an attempt was refused, with the code clients branch on. */
    enum Refusal {
        /** No units left (or fewer than asked for); units may come back when others do not pay. */
        SOLD_OUT("sold-out"),
        /** The session is not accepting attempts now (not started, ended, cancelled). */
        NOT_RUNNING("not-running"),
        /** More units asked for than one customer may get. */
        LIMIT_REACHED("limit-reached");

        private final String code;

        Refusal(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
