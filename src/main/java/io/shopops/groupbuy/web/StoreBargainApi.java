package io.shopops.groupbuy.web;

import java.time.Instant;
import java.util.List;

import io.shopops.catalog.SkuId;
import io.shopops.customer.CurrentCustomer;
import io.shopops.customer.CustomerId;
import io.shopops.groupbuy.BargainActivityId;
import io.shopops.groupbuy.BargainActivityView;
import io.shopops.groupbuy.BargainId;
import io.shopops.groupbuy.BargainStatus;
import io.shopops.groupbuy.BargainView;
import io.shopops.groupbuy.Bargains;
import io.shopops.shared.Money;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.web.RequiresPermission;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bargains on the storefront: anyone sees the running bargain activities; a signed-in customer starts their bargain
 * (asking again returns it), shares it, and other signed-in customers open it and cut it once each. Helpers are not
 * named to each other: a cut shows its amount and whether it was the caller's.
 */
@RestController
@RequestMapping("/api/v1/store/bargains")
class StoreBargainApi {

    private final Bargains bargains;

    StoreBargainApi(Bargains bargains) {
        this.bargains = bargains;
    }

    record Activity(BargainActivityId id, String name, SkuId skuId, String title, Money startPrice, Money floorPrice,
            int maxHelpers, int deadlineHours, Instant startsAt, Instant endsAt) {

        static Activity of(BargainActivityView v) {
            return new Activity(v.id(), v.name(), v.skuId(), v.title(), v.startPrice(), v.floorPrice(),
                    v.maxHelpers(), v.deadlineHours(), v.startsAt(), v.endsAt());
        }
    }

    record Bargain(BargainId id, BargainActivityId activityId, String activityName, String title, SkuId skuId,
            Money startPrice, Money floorPrice, Money currentPrice, int helpers, int maxHelpers, BargainStatus status,
            boolean floorReached, boolean mine, Instant startedAt, Instant deadline, @Nullable Instant purchasedAt,
            @Nullable Money purchasedPrice, List<Cut> cuts) {

        static Bargain of(BargainView v, CustomerId caller) {
            return new Bargain(v.id(), v.activityId(), v.activityName(), v.title(), v.skuId(), v.startPrice(),
                    v.floorPrice(), v.currentPrice(), v.helpers(), v.maxHelpers(), v.status(), v.floorReached(),
                    v.customerId().equals(caller), v.startedAt(), v.deadline(), v.purchasedAt(), v.purchasedPrice(),
                    v.cuts().stream().map(c -> Cut.of(c, caller)).toList());
        }
    }

    record Cut(int seq, Money amount, Money priceAfter, Instant cutAt, boolean mine) {

        static Cut of(BargainView.Cut c, CustomerId caller) {
            return new Cut(c.seq(), c.amount(), c.priceAfter(), c.cutAt(), c.helperId().equals(caller));
        }
    }

    @GetMapping("/activities")
    @RequiresPermission(RequiresPermission.PUBLIC)
    List<Activity> running() {
        return bargains.running().stream().map(Activity::of).toList();
    }

    /** Starts the customer's bargain on the activity (the same one when asked again). */
    @PostMapping("/activities/{activityId}/bargains")
    @RequiresPermission(RequiresPermission.CUSTOMER)
    Bargain start(@PathVariable long activityId) {
        CustomerId customer = CurrentCustomer.require();
        return Bargain.of(bargains.start(customer, new BargainActivityId(activityId)), customer);
    }

    @GetMapping("/mine")
    @RequiresPermission(RequiresPermission.CUSTOMER)
    Page<Bargain> mine(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        CustomerId customer = CurrentCustomer.require();
        return bargains.mine(customer, new PageQuery(page, size)).map(b -> Bargain.of(b, customer));
    }

    @GetMapping("/{id}")
    @RequiresPermission(RequiresPermission.CUSTOMER)
    Bargain get(@PathVariable long id) {
        CustomerId customer = CurrentCustomer.require();
        return Bargain.of(bargains.bargain(new BargainId(id)), customer);
    }

    /** Cuts the bargain, once per helper (the same cut when asked again); not one's own. */
    @PostMapping("/{id}/cuts")
    @RequiresPermission(RequiresPermission.CUSTOMER)
    Cut cut(@PathVariable long id) {
        CustomerId customer = CurrentCustomer.require();
        return Cut.of(bargains.cut(customer, new BargainId(id)), customer);
    }
}
