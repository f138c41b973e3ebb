package io.shopops.experiment;

import io.shopops.ordering.OrderPaid;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Paid orders convert the customers' running ORDER_PAID experiments (after ordering's commit, retried until done). */
@Component
class OrderConversions {

    private final ExperimentTracking tracking;

    OrderConversions(ExperimentTracking tracking) {
        this.tracking = tracking;
    }

    @ApplicationModuleListener
    void on(OrderPaid paid) {
        tracking.orderPaid(paid.customerId(), paid.orderId(), paid.amount(), paid.paidAt());
    }
}
