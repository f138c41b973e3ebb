package io.shopops.payment;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import static io.shopops.payment.PaymentStatus.CLOSED;
import static io.shopops.payment.PaymentStatus.FAILED;
import static io.shopops.payment.PaymentStatus.PENDING;
import static io.shopops.payment.PaymentStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

/** The payment state machine: success is final, a failure may be followed by a success, nothing goes back. */
class PaymentStatusTests {

    @Test
    void aPendingPaymentMayEndAnyWay() {
        assertThat(PENDING.next()).containsExactlyInAnyOrder(SUCCEEDED, FAILED, CLOSED);
    }

    @Test
    void aSucceededPaymentNeverMovesAgain() {
        assertThat(SUCCEEDED.next()).isEmpty();
        assertThat(PaymentStatus.before(FAILED)).doesNotContain(SUCCEEDED);
        assertThat(PaymentStatus.before(CLOSED)).doesNotContain(SUCCEEDED);
    }

    @Test
    void moneyTakenAfterAFailureOrACloseStillCounts() {
        assertThat(PaymentStatus.before(SUCCEEDED)).isEqualTo(EnumSet.of(PENDING, FAILED, CLOSED));
        assertThat(CLOSED.canMoveTo(FAILED)).isFalse();
        assertThat(FAILED.canMoveTo(FAILED)).isFalse();
    }

    @Test
    void nothingGoesBackToPending() {
        assertThat(PaymentStatus.before(PENDING)).isEmpty();
    }
}
