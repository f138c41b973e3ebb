package io.shopops.loyalty.internal;

import io.shopops.loyalty.Points;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Expires points whose time has come, on one node at a time (ShedLock), every hour. */
@Component
class LoyaltyJobs {

    private static final Logger log = LoggerFactory.getLogger(LoyaltyJobs.class);

    private final Points points;

    LoyaltyJobs(Points points) {
        this.points = points;
    }

    @Scheduled(fixedDelayString = "${shopops.loyalty.points.expiry-interval:1h}",
            initialDelayString = "${shopops.loyalty.points.expiry-interval:1h}")
    @SchedulerLock(name = "loyalty.expire-points", lockAtMostFor = "PT30M")
    public int expirePoints() {
        int lots = points.expireDue();
        if (lots > 0) {
            log.info("Expired the rest of {} points lots", lots);
        }
        return lots;
    }
}
