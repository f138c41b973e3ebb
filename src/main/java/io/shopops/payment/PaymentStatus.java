package io.shopops.payment;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a payment stands. It starts PENDING (the customer has the cashier) and moves at most along this table:
 *
 * <table>
 * <caption>allowed transitions</caption>
 * <tr><th>from</th><th>to</th><th>because</th></tr>
 * <tr><td>PENDING</td><td>SUCCEEDED, FAILED, CLOSED</td><td>paid, declined, cancelled or timed out</td></tr>
 * <tr><td>FAILED</td><td>SUCCEEDED, CLOSED</td><td>the customer tried again and paid; cancelled</td></tr>
 * <tr><td>CLOSED</td><td>SUCCEEDED</td><td>money was taken after all (a late payment): recorded, to be refunded</td></tr>
 * <tr><td>SUCCEEDED</td><td>none</td><td>final; only refunds follow</td></tr>
 * </table>
 *
 * A report that asks for any other move (a failure arriving after the success, a close after the payment) is
 * late or out of order and changes nothing.
 */
public enum PaymentStatus {

    PENDING, SUCCEEDED, FAILED, CLOSED;

    public Set<PaymentStatus> next() {
        return switch (this) {
            case PENDING -> EnumSet.of(SUCCEEDED, FAILED, CLOSED);
            case FAILED -> EnumSet.of(SUCCEEDED, CLOSED);
            case CLOSED -> EnumSet.of(SUCCEEDED);
            case SUCCEEDED -> EnumSet.noneOf(PaymentStatus.class);
        };
    }

    public boolean canMoveTo(PaymentStatus target) {
        return next().contains(target);
    }

    /** The statuses from which a payment may move to {@code target}: the WHERE of the conditional UPDATE. */
    public static Set<PaymentStatus> before(PaymentStatus target) {
        Set<PaymentStatus> from = EnumSet.noneOf(PaymentStatus.class);
        for (PaymentStatus status : values()) {
            if (status.canMoveTo(target)) {
                from.add(status);
            }
        }
        return from;
    }
}
