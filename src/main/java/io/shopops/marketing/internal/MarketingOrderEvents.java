package io.shopops.marketing.internal;

import java.time.Clock;

import io.shopops.ordering.OrderCancelled;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A cancelled order gives back what it had from marketing: its coupons return to their holders (AVAILABLE again,
 * within their validity), and its promotions' budgets and the customer's uses are restored. Once: a repeated
 * event finds nothing left to give back.
 */
@Component
class MarketingOrderEvents {

    private final PromotionRepository promotions;
    private final CouponRepository coupons;
    private final Clock clock;

    MarketingOrderEvents(PromotionRepository promotions, CouponRepository coupons, Clock clock) {
        this.promotions = promotions;
        this.coupons = coupons;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(OrderCancelled cancelled) {
        long order = cancelled.orderId().value();
        promotions.giveBack(order, clock.instant());
        coupons.giveBack(order);
    }
}
