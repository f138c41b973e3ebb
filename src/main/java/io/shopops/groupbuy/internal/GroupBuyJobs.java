package io.shopops.groupbuy.internal;

import io.shopops.groupbuy.BargainActivities;
import io.shopops.groupbuy.Bargains;
import io.shopops.groupbuy.GroupBuyActivities;
import io.shopops.groupbuy.GroupBuySettlement;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The group-buy jobs, each on one node at a time (ShedLock): failing the groups whose time ran out, settling the
 * members of completed groups that the groups' own events left (a race, a refusal), giving back places never
 * checked out, expiring bargains and ending activities. Each is safe to run again or at the same time as the events.
 */
@Component
public class GroupBuyJobs {

    private static final Logger log = LoggerFactory.getLogger(GroupBuyJobs.class);

    private final GroupBuySettlement settlement;
    private final GroupBuyActivities groupBuys;
    private final BargainActivities bargainActivities;
    private final Bargains bargains;

    GroupBuyJobs(GroupBuySettlement settlement, GroupBuyActivities groupBuys, BargainActivities bargainActivities,
            Bargains bargains) {
        this.settlement = settlement;
        this.groupBuys = groupBuys;
        this.bargainActivities = bargainActivities;
        this.bargains = bargains;
    }

    @Scheduled(fixedDelayString = "${shopops.groupbuy.job-interval:30s}", initialDelayString = "${shopops.groupbuy.job-interval:30s}")
    @SchedulerLock(name = "groupbuy.settle-groups", lockAtMostFor = "PT10M")
    public void settleGroups() {
        int failed = settlement.failExpired();
        int places = settlement.releaseUnusedPlaces();
        int settled = settlement.settleCompleted();
        if (failed + places + settled > 0) {
            log.info("Group buys: {} groups failed (time ran out), {} unused places given back, {} members settled",
                    failed, places, settled);
        }
    }

    @Scheduled(fixedDelayString = "${shopops.groupbuy.job-interval:30s}", initialDelayString = "${shopops.groupbuy.job-interval:30s}")
    @SchedulerLock(name = "groupbuy.end-activities", lockAtMostFor = "PT10M")
    public void endActivitiesAndBargains() {
        int activities = groupBuys.endFinished() + bargainActivities.endFinished();
        int expired = bargains.expire();
        if (activities + expired > 0) {
            log.info("Group buys: {} activities ended, {} bargains expired", activities, expired);
        }
    }
}
