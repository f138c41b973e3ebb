package io.shopops.payment.internal;

import io.shopops.payment.Payments;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Asks the providers about payments and refunds that stayed pending longer than {@code shopops.payment.repair-after}
 * (their notification is late or lost) and applies the answers as notifications would be applied. Runs on one node
 * at a time (ShedLock); "now" comes from the injected clock.
 */
@Component
public class PaymentRepairJob {

    private static final Logger log = LoggerFactory.getLogger(PaymentRepairJob.class);

    private final Payments payments;

    PaymentRepairJob(Payments payments) {
        this.payments = payments;
    }

    /** Returns how many payments and refunds changed. */
    @Scheduled(fixedDelayString = "${shopops.payment.repair-interval:1m}",
            initialDelayString = "${shopops.payment.repair-interval:1m}")
    @SchedulerLock(name = "payment.repair-pending", lockAtMostFor = "PT10M")
    public int run() {
        int changed = payments.repairPending();
        if (changed > 0) {
            log.info("Repaired {} pending payments and refunds from their providers' answers", changed);
        }
        return changed;
    }
}
