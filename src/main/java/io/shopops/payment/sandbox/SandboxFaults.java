package io.shopops.payment.sandbox;

import java.time.Duration;

import io.shopops.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * Misbehaviour the sandbox shows for the next notification of a trade, as real providers and networks do:
 *
 * @param duplicates      how many extra copies of the notification are delivered (each on its own, at once)
 * @param delay           how long before the first delivery attempt
 * @param reordered       a stale failure notification (an earlier declined attempt) is delivered after the success
 * @param amount          the amount the notification reports instead of the trade's (validly signed)
 * @param forged          the notification is signed with another secret
 * @param lost            the notification is never sent (only a status query finds out)
 * @param refundsDeclined the trade's refunds are declined
 */
public record SandboxFaults(int duplicates, Duration delay, boolean reordered, @Nullable Money amount,
        boolean forged, boolean lost, boolean refundsDeclined) {

    public SandboxFaults {
        if (duplicates < 0 || delay.isNegative()) {
            throw new IllegalArgumentException("duplicates and delay must not be negative");
        }
    }

    public static SandboxFaults none() {
        return new SandboxFaults(0, Duration.ZERO, false, null, false, false, false);
    }

    public SandboxFaults duplicated(int copies) {
        return new SandboxFaults(copies, delay, reordered, amount, forged, lost, refundsDeclined);
    }

    public SandboxFaults delayed(Duration by) {
        return new SandboxFaults(duplicates, by, reordered, amount, forged, lost, refundsDeclined);
    }

    public SandboxFaults reorderedFailure() {
        return new SandboxFaults(duplicates, delay, true, amount, forged, lost, refundsDeclined);
    }

    public SandboxFaults reportingAmount(Money wrong) {
        return new SandboxFaults(duplicates, delay, reordered, wrong, forged, lost, refundsDeclined);
    }

    public SandboxFaults forgedSignature() {
        return new SandboxFaults(duplicates, delay, reordered, amount, true, lost, refundsDeclined);
    }

    public SandboxFaults lostNotification() {
        return new SandboxFaults(duplicates, delay, reordered, amount, forged, true, refundsDeclined);
    }

    public SandboxFaults decliningRefunds() {
        return new SandboxFaults(duplicates, delay, reordered, amount, forged, lost, true);
    }
}
