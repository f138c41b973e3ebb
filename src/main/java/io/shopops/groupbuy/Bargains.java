package io.shopops.groupbuy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.shopops.catalog.Catalog;
import io.shopops.catalog.SkuRef;
import io.shopops.customer.CustomerId;
import io.shopops.groupbuy.internal.BargainActivityRecord;
import io.shopops.groupbuy.internal.BargainRecord;
import io.shopops.groupbuy.internal.BargainRepository;
import io.shopops.groupbuy.internal.CutDraw;
import io.shopops.ordering.OrderCancelled;
import io.shopops.ordering.OrderStatus;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.ConflictException;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bargains (砍價) as customers take part: the owner starts one on a running activity (one per customer and
 * activity) at the SKU's sale price; other signed-in customers each cut it once by a random amount between the
 * activity's bounds, drawn from the bargain's seed (see {@link CutDraw}) and capped so that it never goes below the
 * floor, whatever number of helpers cut at once (one conditional UPDATE); the owner buys the SKU at the price
 * reached through checkout before the deadline. Staff read bargains, audit their cuts, and the monitor's figures.
 */
@Service
public class Bargains {

    private static final int MAX_RUNNING = 100;

    private final BargainRepository bargains;
    private final BargainActivities activities;
    private final Catalog catalog;
    private final GroupBuySupport support;

    Bargains(BargainRepository bargains, BargainActivities activities, Catalog catalog, GroupBuySupport support) {
        this.bargains = bargains;
        this.activities = activities;
        this.catalog = catalog;
        this.support = support;
    }

    // --- the storefront ---------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<BargainActivityView> running() {
        return bargains.running(support.now(), MAX_RUNNING).stream().map(activities::view).toList();
    }

    /**
     * Starts the customer's bargain on a running activity, or answers the one they started before (also when two
     * requests race). Refused with 404 for an unknown activity and 422 when it is not running
     * ({@code activity-not-running}), its SKU is not on sale ({@code not-sellable}) or its sale price is now at or
     * below the floor ({@code floor-not-below-sale-price}).
     */
    public BargainView start(CustomerId customer, BargainActivityId activityId) {
        try {
            return support.inTransaction(() -> startNow(customer, activityId));
        } catch (DuplicateKeyException raced) {
            return support.inTransaction(() -> view(bargains.bargainOf(activityId, customer)
                    .orElseThrow(() -> new ConflictException("activityId", "the bargain changed meanwhile; try again"))));
        }
    }

    private BargainView startNow(CustomerId customer, BargainActivityId activityId) {
        BargainActivityRecord activity = bargains.activity(activityId)
                .orElseThrow(() -> NotFoundException.of("Bargain activity", activityId));
        var existing = bargains.bargainOf(activityId, customer);
        if (existing.isPresent()) {
            return view(existing.get());
        }
        Instant now = support.now();
        ActivityPhase phase = ActivityPhase.of(activity.status(), activity.startsAt(), activity.endsAt(), now);
        if (phase != ActivityPhase.RUNNING) {
            throw new BusinessRuleException("activity-not-running", "activityId",
                    "bargain %s is not running (%s)".formatted(activity.name(), phase));
        }
        SkuRef sku = catalog.sku(activity.skuId()).filter(SkuRef::isSellable)
                .orElseThrow(() -> new BusinessRuleException("not-sellable", "activityId",
                        "SKU %s of bargain %s is not on sale now".formatted(activity.skuCode(), activity.name())));
        if (activity.floorPrice().compareTo(sku.salePrice()) >= 0) {
            throw new BusinessRuleException("floor-not-below-sale-price", "activityId",
                    "SKU %s now sells at %s, not above the bargain's floor".formatted(sku.skuCode(),
                            sku.salePrice().amount().toPlainString()));
        }
        BargainId id = bargains.insertBargain(activity, customer, sku.salePrice(), CutDraw.newSeed(), now,
                now.plus(Duration.ofHours(activity.deadlineHours())));
        return view(bargains.bargain(id).orElseThrow());
    }

    /**
     * A helper cuts the bargain, once: the amount its seed draws for the helper, or what is left above the floor.
     * Asking again answers the same cut. Refused with 404 for an unknown bargain and 422 for the owner's own bargain
     * ({@code own-bargain}) and one that cannot be cut any more: bought or expired ({@code bargain-closed}), past its
     * deadline ({@code bargain-expired}), at its floor ({@code floor-reached}) or out of helpers
     * ({@code helpers-full}).
     */
    public BargainView.Cut cut(CustomerId helper, BargainId id) {
        try {
            return support.inTransaction(() -> cutNow(helper, id));
        } catch (DuplicateKeyException raced) {
            // the same helper's parallel request cut first; its cut is the answer to both
            return support.inTransaction(() -> {
                BargainRecord bargain = record(id);
                return bargains.cutBy(id, helper, bargain.currentPrice().currency())
                        .orElseThrow(() -> new ConflictException("bargainId", "the bargain changed meanwhile; try again"));
            });
        }
    }

    private BargainView.Cut cutNow(CustomerId helper, BargainId id) {
        BargainRecord bargain = record(id);
        if (bargain.customerId().equals(helper)) {
            throw new BusinessRuleException("own-bargain", "bargainId", "you cannot cut your own bargain: ask others");
        }
        var currency = bargain.currentPrice().currency();
        var existing = bargains.cutBy(id, helper, currency);
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant now = support.now();
        var drawn = CutDraw.draw(bargain.seed(), id, helper, bargain.minCut(), bargain.maxCut());
        if (!bargains.cut(id, drawn, now)) {
            throw closed(record(id), now);
        }
        // the row is ours until the commit: what the UPDATE computed can be read back
        BargainRecord after = record(id);
        bargains.insertCut(id, helper, after.helpers(), drawn, after.lastCut(), after.currentPrice(), now);
        return new BargainView.Cut(after.helpers(), helper, drawn, after.lastCut(), after.currentPrice(), now);
    }

    private static BusinessRuleException closed(BargainRecord bargain, Instant now) {
        if (bargain.status() != BargainStatus.ACTIVE) {
            return new BusinessRuleException("bargain-closed", "bargainId",
                    "bargain %s is %s".formatted(bargain.id(), bargain.status()));
        }
        if (!now.isBefore(bargain.deadline())) {
            return new BusinessRuleException("bargain-expired", "bargainId",
                    "bargain %s ran out of time at %s".formatted(bargain.id(), bargain.deadline()));
        }
        if (bargain.currentPrice().equals(bargain.floorPrice())) {
            return new BusinessRuleException("floor-reached", "bargainId",
                    "bargain %s is at its floor price already".formatted(bargain.id()));
        }
        return new BusinessRuleException("helpers-full", "bargainId",
                "bargain %s has had all of its %d helpers".formatted(bargain.id(), bargain.maxHelpers()));
    }

    /** A bargain with its cuts, as its owner and the customers asked to help see it; 404 if there is none. */
    @Transactional(readOnly = true)
    public BargainView bargain(BargainId id) {
        return view(record(id));
    }

    /** The customer's bargains, newest first. */
    @Transactional(readOnly = true)
    public Page<BargainView> mine(CustomerId customer, PageQuery page) {
        return views(bargains.bargains(null, null, customer, page), false);
    }

    // --- staff ------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Page<BargainView> find(BargainQuery query, PageQuery page) {
        return views(bargains.bargains(query.activityId(), query.status(), null, page), false);
    }

    /** A bargain with its seed, and whether every cut's drawn amount is what the seed gives (404 if there is none). */
    @Transactional(readOnly = true)
    public BargainDetail detail(BargainId id) {
        BargainRecord bargain = record(id);
        BargainView view = view(bargain);
        boolean verified = view.cuts().stream().allMatch(c -> c.drawn().equals(CutDraw.draw(bargain.seed(), id,
                c.helperId(), bargain.minCut(), bargain.maxCut())) && c.amount().compareTo(c.drawn()) <= 0);
        return new BargainDetail(view, bargain.seed(), verified);
    }

    @Transactional(readOnly = true)
    public BargainFigures figures() {
        Map<BargainStatus, Long> counts = bargains.countByStatus();
        long active = counts.getOrDefault(BargainStatus.ACTIVE, 0L);
        long purchased = counts.getOrDefault(BargainStatus.PURCHASED, 0L);
        long expired = counts.getOrDefault(BargainStatus.EXPIRED, 0L);
        long all = active + purchased + expired;
        return new BargainFigures(active, purchased, expired, bargains.floorReached(),
                GroupBuys.rate(purchased, purchased + expired),
                all == 0 ? null : BigDecimal.valueOf(bargains.cutCount()).divide(BigDecimal.valueOf(all), 2,
                        RoundingMode.HALF_UP));
    }

    // --- jobs and events --------------------------------------------------------------------------------------

    /** Expires the active bargains whose deadline has passed (the job); returns how many. */
    @Transactional
    public int expire() {
        Instant now = support.now();
        int expired = 0;
        for (BargainId id : bargains.pastDeadline(now, support.properties().jobBatchSize())) {
            expired += bargains.expire(id, now) ? 1 : 0;
        }
        return expired;
    }

    /** An order that bought a bargain was cancelled before it was paid: the bargain may be bought again. */
    void orderCancelled(OrderCancelled cancelled) {
        if (cancelled.previousStatus() == OrderStatus.PENDING_PAYMENT) {
            bargains.reopen(cancelled.orderId(), support.now());
        }
    }

    private BargainRecord record(BargainId id) {
        return bargains.bargain(id).orElseThrow(() -> NotFoundException.of("Bargain", id));
    }

    private BargainView view(BargainRecord b) {
        return view(b, activityOf(b), bargains.cuts(b.id(), b.currentPrice().currency()));
    }

    private Page<BargainView> views(Page<BargainRecord> found, boolean withCuts) {
        Map<BargainActivityId, BargainActivityRecord> named = bargains.activities(
                found.items().stream().map(BargainRecord::activityId).toList());
        return found.map(b -> view(b, named.get(b.activityId()),
                withCuts ? bargains.cuts(b.id(), b.currentPrice().currency()) : List.of()));
    }

    private BargainActivityRecord activityOf(BargainRecord b) {
        return bargains.activity(b.activityId()).orElseThrow();
    }

    private static BargainView view(BargainRecord b, BargainActivityRecord activity, List<BargainView.Cut> cuts) {
        return new BargainView(b.id(), b.activityId(), activity.name(), activity.title(), b.customerId(), b.skuId(),
                b.startPrice(), b.floorPrice(), b.currentPrice(), b.helpers(), b.maxHelpers(), b.status(),
                b.startedAt(), b.deadline(), b.purchasedAt(), b.purchasedPrice(), b.orderId(), b.orderNumber(), cuts);
    }
}
