package io.shopops.flashsale.internal;

import io.shopops.flashsale.FlashSaleSettlement;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The flash-sale jobs, each on one node at a time (ShedLock), every {@code shopops.flashsale.job-interval}:
 * expiring entitlements not used in time (their units back), cancelling flash orders not paid in time, and
 * recording sessions that ended.
 */
@Component
public class FlashSaleJobs {

    private static final Logger log = LoggerFactory.getLogger(FlashSaleJobs.class);

    private final FlashSaleSettlement settlement;

    FlashSaleJobs(FlashSaleSettlement settlement) {
        this.settlement = settlement;
    }

    @Scheduled(fixedDelayString = "${shopops.flashsale.job-interval:10s}", initialDelayString = "${shopops.flashsale.job-interval:10s}")
    @SchedulerLock(name = "flashsale.expire-entitlements", lockAtMostFor = "PT10M")
    public int expireEntitlements() {
        int expired = settlement.expireUnused();
        if (expired > 0) {
            log.info("Expired {} flash-sale entitlements not ordered in time; their units are back", expired);
        }
        return expired;
    }

    @Scheduled(fixedDelayString = "${shopops.flashsale.job-interval:10s}", initialDelayString = "${shopops.flashsale.job-interval:10s}")
    @SchedulerLock(name = "flashsale.cancel-unpaid-orders", lockAtMostFor = "PT10M")
    public int cancelUnpaidOrders() {
        int cancelled = settlement.cancelUnpaidOrders();
        if (cancelled > 0) {
            log.info("Cancelled {} flash-sale orders not paid within their pay window", cancelled);
        }
        return cancelled;
    }

    @Scheduled(fixedDelayString = "${shopops.flashsale.job-interval:10s}", initialDelayString = "${shopops.flashsale.job-interval:10s}")
    @SchedulerLock(name = "flashsale.end-sessions", lockAtMostFor = "PT10M")
    public int endSessions() {
        return settlement.endSessions();
    }
}
