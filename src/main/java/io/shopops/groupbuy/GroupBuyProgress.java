package io.shopops.groupbuy;

import io.shopops.ordering.OrderCancelled;
import io.shopops.ordering.OrderPaid;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * The events that move groups and bargains on. Each listener runs after its publisher's commit, from the outbox, and
 * is idempotent (every change it makes is conditional): a repeated delivery changes nothing.
 */
@Component
class GroupBuyProgress {

    private final GroupBuySettlement settlement;
    private final Bargains bargains;

    GroupBuyProgress(GroupBuySettlement settlement, Bargains bargains) {
        this.settlement = settlement;
        this.bargains = bargains;
    }

    /** A member's order was paid: the place counts as paid, and the group may be complete. */
    @ApplicationModuleListener
    public void on(OrderPaid paid) {
        settlement.paid(paid);
    }

    /** A member's order was cancelled: the place goes back to a gathering group. */
    @ApplicationModuleListener
    public void on(OrderCancelled cancelled) {
        settlement.cancelled(cancelled);
    }

    /** An order that bought a bargain was cancelled unpaid: the bargain may be bought again before its deadline. */
    @ApplicationModuleListener
    public void reopenBargain(OrderCancelled cancelled) {
        bargains.orderCancelled(cancelled);
    }

    /** Once a group's success is committed, its members' orders are released (each in its own transaction). */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    public void on(GroupBuySucceeded succeeded) {
        settlement.settleMembers(succeeded.groupId());
    }

    /** Once a group's failure is committed, its members' orders are cancelled and refunded. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    public void on(GroupBuyFailed failed) {
        settlement.settleMembers(failed.groupId());
    }
}
