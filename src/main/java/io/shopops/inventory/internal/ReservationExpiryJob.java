package io.shopops.inventory.internal;

import io.shopops.inventory.Reservations;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives back the stock of reservations whose time ran out. Runs on one node at a time (ShedLock); each
 * reservation expires in its own transaction, through the same exactly-once gate as a release.
 */
@Component
public class ReservationExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(ReservationExpiryJob.class);

    private final Reservations reservations;

    ReservationExpiryJob(Reservations reservations) {
        this.reservations = reservations;
    }

    /** Expires what is due now (by the injected clock); returns how many reservations it expired. */
    @Scheduled(fixedDelayString = "${shopops.inventory.expiry-interval:1m}", initialDelayString = "${shopops.inventory.expiry-interval:1m}")
    @SchedulerLock(name = "inventory.expire-reservations", lockAtMostFor = "PT10M")
    public int run() {
        int expired = reservations.expireDue();
        if (expired > 0) {
            log.info("Expired {} reservations", expired);
        }
        return expired;
    }
}
