package io.shopops.ordering.internal;

import io.shopops.ordering.Orders;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The order jobs, each on one node at a time (ShedLock): cancelling orders whose payment window closed (every
 * minute by default) and completing orders some days after delivery (hourly).
 */
@Component
public class OrderJobs {

    private static final Logger log = LoggerFactory.getLogger(OrderJobs.class);

    private final Orders orders;

    OrderJobs(Orders orders) {
        this.orders = orders;
    }

    @Scheduled(fixedDelayString = "${shopops.ordering.cancel-interval:1m}", initialDelayString = "${shopops.ordering.cancel-interval:1m}")
    @SchedulerLock(name = "ordering.cancel-unpaid", lockAtMostFor = "PT10M")
    public int cancelUnpaid() {
        int cancelled = orders.cancelUnpaid();
        if (cancelled > 0) {
            log.info("Cancelled {} orders not paid within their payment window", cancelled);
        }
        return cancelled;
    }

    @Scheduled(fixedDelayString = "${shopops.ordering.complete-interval:1h}", initialDelayString = "${shopops.ordering.complete-interval:1h}")
    @SchedulerLock(name = "ordering.complete-delivered", lockAtMostFor = "PT30M")
    public int completeDelivered() {
        int completed = orders.completeDelivered();
        if (completed > 0) {
            log.info("Completed {} delivered orders", completed);
        }
        return completed;
    }
}
