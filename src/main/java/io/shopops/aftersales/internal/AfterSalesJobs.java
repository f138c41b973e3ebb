package io.shopops.aftersales.internal;

import io.shopops.aftersales.AfterSalesRefunds;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The after-sales jobs, each on one node at a time (ShedLock): asking again for refunds the provider has not
 * confirmed, and cancelling approved returns the customer never shipped back.
 */
@Component
public class AfterSalesJobs {

    private static final Logger log = LoggerFactory.getLogger(AfterSalesJobs.class);

    private final AfterSalesRefunds refunds;

    AfterSalesJobs(AfterSalesRefunds refunds) {
        this.refunds = refunds;
    }

    @Scheduled(fixedDelayString = "${shopops.aftersales.job-interval:1m}", initialDelayString = "${shopops.aftersales.job-interval:1m}")
    @SchedulerLock(name = "aftersales.repair-refunds", lockAtMostFor = "PT10M")
    public int repairRefunds() {
        int closed = refunds.repairPending();
        if (closed > 0) {
            log.info("Closed {} after-sales requests whose refund was pending", closed);
        }
        return closed;
    }

    @Scheduled(fixedDelayString = "${shopops.aftersales.job-interval:1m}", initialDelayString = "${shopops.aftersales.job-interval:1m}")
    @SchedulerLock(name = "aftersales.cancel-unshipped-returns", lockAtMostFor = "PT10M")
    public int cancelUnshippedReturns() {
        int cancelled = refunds.cancelUnshippedReturns();
        if (cancelled > 0) {
            log.info("Cancelled {} approved returns not shipped back in time", cancelled);
        }
        return cancelled;
    }
}
