package io.shopops.customer.internal;

import java.time.Clock;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes customer sessions that ended (expired or signed out) more than {@code shopops.customer.session-retention}
 * ago, so that the table holds the live sessions and a week of history rather than every sign-in ever. Runs on
 * one node at a time (ShedLock).
 */
@Component
public class EndedSessionCleanup {

    private static final Logger log = LoggerFactory.getLogger(EndedSessionCleanup.class);

    private final CustomerSessionRepository sessions;
    private final CustomerProperties properties;
    private final Clock clock;

    EndedSessionCleanup(CustomerSessionRepository sessions, CustomerProperties properties, Clock clock) {
        this.sessions = sessions;
        this.properties = properties;
        this.clock = clock;
    }

    /** Deletes what ended before the retention period (by the injected clock); returns how many sessions. */
    @Scheduled(fixedDelayString = "${shopops.customer.cleanup-interval:1h}", initialDelayString = "${shopops.customer.cleanup-interval:1h}")
    @SchedulerLock(name = "customer.delete-ended-sessions", lockAtMostFor = "PT10M")
    @Transactional
    public int run() {
        int deleted = sessions.deleteEndedBefore(Instant.now(clock).minus(properties.sessionRetention()));
        if (deleted > 0) {
            log.info("Deleted {} ended customer sessions", deleted);
        }
        return deleted;
    }
}
