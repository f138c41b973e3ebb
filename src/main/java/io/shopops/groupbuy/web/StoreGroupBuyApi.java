package io.shopops.groupbuy.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.shopops.catalog.SkuId;
import io.shopops.customer.CurrentCustomer;
import io.shopops.groupbuy.GroupBuyId;
import io.shopops.groupbuy.GroupBuyView;
import io.shopops.groupbuy.GroupBuys;
import io.shopops.groupbuy.GroupId;
import io.shopops.groupbuy.GroupView;
import io.shopops.groupbuy.MembershipId;
import io.shopops.groupbuy.MembershipView;
import io.shopops.shared.Money;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.web.RequiresPermission;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Group buying on the storefront: anyone sees the running activities and the groups gathering (a group's page is
 * shared with friends); a signed-in customer opens a group (an optional {@code Idempotency-Key} makes a retry return
 * the same place) or joins one (asking again returns the same place), then checks the SKU out as usual.
 */
@RestController
@RequestMapping("/api/v1/store/group-buys")
class StoreGroupBuyApi {

    private final GroupBuys groupBuys;

    StoreGroupBuyApi(GroupBuys groupBuys) {
        this.groupBuys = groupBuys;
    }

    /** An activity as shoppers see it. */
    record Activity(GroupBuyId id, String name, SkuId skuId, String title, Money groupPrice, int groupSize,
            int timeLimitHours, Instant startsAt, Instant endsAt) {

        static Activity of(GroupBuyView v) {
            return new Activity(v.id(), v.name(), v.skuId(), v.title(), v.groupPrice(), v.groupSize(),
                    v.timeLimitHours(), v.startsAt(), v.endsAt());
        }
    }

    @GetMapping
    @RequiresPermission(RequiresPermission.PUBLIC)
    List<Activity> running() {
        return groupBuys.running().stream().map(Activity::of).toList();
    }

    /** The activity's groups still gathering, soonest deadline first. */
    @GetMapping("/{activityId}/groups")
    @RequiresPermission(RequiresPermission.PUBLIC)
    Page<GroupView> gathering(@PathVariable long activityId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return groupBuys.gathering(new GroupBuyId(activityId), new PageQuery(page, size));
    }

    /** Opens a group with the customer's place in it. */
    @PostMapping("/{activityId}/groups")
    @RequiresPermission(RequiresPermission.CUSTOMER)
    ResponseEntity<MembershipView> open(@PathVariable long activityId,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) {
        MembershipView place = groupBuys.open(CurrentCustomer.require(), new GroupBuyId(activityId), key);
        return ResponseEntity.created(URI.create("/api/v1/store/group-buys/memberships/" + place.id())).body(place);
    }

    @GetMapping("/groups/{groupId}")
    @RequiresPermission(RequiresPermission.PUBLIC)
    GroupView group(@PathVariable long groupId) {
        return groupBuys.group(new GroupId(groupId));
    }

    /** Joins the group: takes one of its places (the same one when asked again). */
    @PostMapping("/groups/{groupId}/members")
    @RequiresPermission(RequiresPermission.CUSTOMER)
    MembershipView join(@PathVariable long groupId) {
        return groupBuys.join(CurrentCustomer.require(), new GroupId(groupId));
    }

    @GetMapping("/memberships")
    @RequiresPermission(RequiresPermission.CUSTOMER)
    Page<MembershipView> mine(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return groupBuys.mine(CurrentCustomer.require(), new PageQuery(page, size));
    }

    @GetMapping("/memberships/{id}")
    @RequiresPermission(RequiresPermission.CUSTOMER)
    MembershipView membership(@PathVariable long id) {
        return groupBuys.membership(CurrentCustomer.require(), new MembershipId(id));
    }
}
