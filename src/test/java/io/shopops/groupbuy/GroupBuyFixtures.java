package io.shopops.groupbuy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.shopops.catalog.SkuId;
import io.shopops.inventory.WarehouseView;
import io.shopops.ordering.OrderFixtures;
import io.shopops.ordering.OrderView;

/**
 * Products on the shelf with stock, running group-buy and bargain activities, shoppers taking places and checking out,
 * all through the modules' facades (unique codes: the test contexts share their database).
 */
public class GroupBuyFixtures {

    private final OrderFixtures orders;
    private final GroupBuyActivities activities;
    private final GroupBuys groupBuys;
    private final BargainActivities bargainActivities;
    private final Bargains bargains;
    private final Clock clock;

    GroupBuyFixtures(OrderFixtures orders, GroupBuyActivities activities, GroupBuys groupBuys,
            BargainActivities bargainActivities, Bargains bargains, Clock clock) {
        this.orders = orders;
        this.activities = activities;
        this.groupBuys = groupBuys;
        this.bargainActivities = bargainActivities;
        this.bargains = bargains;
        this.clock = clock;
    }

    public OrderFixtures orders() {
        return orders;
    }

    /** A SKU on the shelf at this sale price (cost 40% of it) with units in one warehouse. */
    public SkuId sku(String salePrice, int units) {
        SkuId sku = orders.sku(salePrice);
        WarehouseView warehouse = orders.warehouse("华东");
        orders.stock(sku, warehouse, units);
        return sku;
    }

    public static GroupBuyDraft draft(SkuId sku, String groupPrice, int size, int hours, Instant startsAt,
            Instant endsAt) {
        return new GroupBuyDraft("拼团 " + sku, sku, new BigDecimal(groupPrice), null, size, hours, null, startsAt,
                endsAt);
    }

    /** A scheduled activity running from a minute ago for ten days. */
    public GroupBuyView running(SkuId sku, String groupPrice, int size, int hours) {
        Instant now = Instant.now(clock);
        GroupBuyView draft = activities.create(draft(sku, groupPrice, size, hours, now.minus(Duration.ofMinutes(1)),
                now.plus(Duration.ofDays(10))));
        return activities.schedule(draft.id(), draft.version());
    }

    /** A shopper who opened a group of the activity. */
    public Member opener(GroupBuyView activity) {
        OrderFixtures.Shopper shopper = orders.shopper();
        return new Member(shopper, groupBuys.open(shopper.id(), activity.id(), null));
    }

    /** A new shopper who joined the group. */
    public Member joiner(GroupId group) {
        OrderFixtures.Shopper shopper = orders.shopper();
        return new Member(shopper, groupBuys.join(shopper.id(), group));
    }

    /** The member checks the activity's SKU out, one unit. */
    public OrderView checkout(Member member, SkuId sku) {
        return orders.place(member.shopper(), OrderFixtures.line(sku, 1));
    }

    /** The member checks out and pays (the notification is delivered; the events follow after commit). */
    public OrderView checkoutAndPay(Member member, SkuId sku) {
        OrderView order = checkout(member, sku);
        orders.pay(member.shopper(), order);
        return order;
    }

    /** A shopper and their place. */
    public record Member(OrderFixtures.Shopper shopper, MembershipView place) {

        public GroupId group() {
            return place.group().id();
        }
    }

    /** A scheduled bargain activity running from a minute ago for ten days. */
    public BargainActivityView runningBargain(SkuId sku, String floor, int maxHelpers, int hours, String minCut,
            String maxCut) {
        Instant now = Instant.now(clock);
        BargainActivityView draft = bargainActivities.create(new BargainActivityDraft("砍价 " + sku, sku,
                new BigDecimal(floor), null, maxHelpers, hours, new BigDecimal(minCut), new BigDecimal(maxCut),
                now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(10))));
        return bargainActivities.schedule(draft.id(), draft.version());
    }

    public BargainView startBargain(OrderFixtures.Shopper owner, BargainActivityView activity) {
        return bargains.start(owner.id(), activity.id());
    }
}
