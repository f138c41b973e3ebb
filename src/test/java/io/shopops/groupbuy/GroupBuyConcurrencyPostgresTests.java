package io.shopops.groupbuy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.shopops.catalog.SkuId;
import io.shopops.inventory.MutableClock;
import io.shopops.ordering.OrderDetail;
import io.shopops.ordering.OrderFixtures;
import io.shopops.ordering.OrderPayment;
import io.shopops.ordering.OrderStatus;
import io.shopops.ordering.OrderView;
import io.shopops.ordering.Orders;
import io.shopops.ordering.TimelineEntry;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.Money;
import io.shopops.testing.PostgresTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The races that matter, on PostgreSQL with real threads released at once: customers racing for a group's last place,
 * the last two members paying at the same moment, a payment racing the job that fails the group, and twenty helpers
 * cutting one bargain at once. However they interleave, the counts and the money come out once.
 */
@PostgresTest
@Import(GroupBuyTestConfiguration.class)
class GroupBuyConcurrencyPostgresTests {

    static final Money GROUP_TOTAL = Money.of("69.90", Money.CNY);

    @Autowired
    GroupBuys groupBuys;
    @Autowired
    GroupBuySettlement settlement;
    @Autowired
    Bargains bargains;
    @Autowired
    GroupBuyFixtures fixtures;
    @Autowired
    Orders orders;
    @Autowired
    MutableClock clock;
    @Autowired
    GroupBuyTestConfiguration.GroupBuyEvents events;

    @Test
    void tenCustomersRacingForTheLastPlaceOfAGroupGetItOnce() throws Exception {
        SkuId sku = fixtures.sku("100.00", 50);
        GroupBuyView activity = fixtures.running(sku, "59.90", 11, 24);
        GroupBuyFixtures.Member opener = fixtures.opener(activity);
        for (int i = 0; i < 9; i++) {
            fixtures.joiner(opener.group());
        }
        assertThat(groupBuys.group(opener.group()).placesLeft()).isEqualTo(1);
        List<OrderFixtures.Shopper> racers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            racers.add(fixtures.orders().shopper());
        }

        List<Object> outcomes = race(10, racers.stream().<Callable<Object>>map(s -> () -> {
            try {
                return groupBuys.join(s.id(), opener.group());
            } catch (BusinessRuleException refused) {
                return refused.code();
            }
        }).toList());

        assertThat(outcomes).filteredOn(MembershipView.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(String.class::isInstance).containsOnly("group-full").hasSize(9);
        GroupView full = groupBuys.group(opener.group());
        assertThat(full.members()).isEqualTo(11);
        assertThat(groupBuys.detail(opener.group()).members()).hasSize(11);
    }

    @Test
    void oneCustomerJoiningTwiceAtOnceGetsOnePlace() throws Exception {
        SkuId sku = fixtures.sku("100.00", 10);
        GroupBuyView activity = fixtures.running(sku, "59.90", 5, 24);
        GroupBuyFixtures.Member opener = fixtures.opener(activity);
        OrderFixtures.Shopper shopper = fixtures.orders().shopper();

        List<Object> places = race(6, java.util.stream.IntStream.range(0, 6)
                .<Callable<Object>>mapToObj(i -> () -> groupBuys.join(shopper.id(), opener.group()).id()).toList());

        assertThat(places).hasSize(6).containsOnly(places.getFirst());
        assertThat(groupBuys.group(opener.group()).members()).isEqualTo(2);
    }

    @Test
    void theLastTwoMembersPayingAtOnceMakeTheGroupSucceedOnce() throws Exception {
        SkuId sku = fixtures.sku("100.00", 10);
        GroupBuyView activity = fixtures.running(sku, "59.90", 3, 24);
        GroupBuyFixtures.Member opener = fixtures.opener(activity);
        GroupBuyFixtures.Member second = fixtures.joiner(opener.group());
        GroupBuyFixtures.Member third = fixtures.joiner(opener.group());
        OrderView first = fixtures.checkoutAndPay(opener, sku);
        await().atMost(Duration.ofSeconds(30)).until(() -> groupBuys.group(opener.group()).paid() == 1);
        List<OrderView> last = List.of(fixtures.checkout(second, sku), fixtures.checkout(third, sku));
        List<String> notices = List.of(paidAtCashier(second, last.get(0)), paidAtCashier(third, last.get(1)));

        race(2, notices.stream().<Callable<Object>>map(n -> () -> {
            fixtures.orders().deliver(n);
            return n;
        }).toList());

        await().atMost(Duration.ofSeconds(30)).until(() -> groupBuys.group(opener.group()).status()
                == GroupStatus.SUCCEEDED);
        List<OrderView> all = List.of(first, last.get(0), last.get(1));
        for (OrderView order : all) {
            fixtures.orders().await(order.id(), OrderStatus.ALLOCATED);
        }
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> all.stream()
                .allMatch(o -> released(o) == 1));
        assertThat(events.of(GroupBuySucceeded.class)).filteredOn(e -> e.groupId().equals(opener.group())).hasSize(1);
        assertThat(groupBuys.group(opener.group()).paid()).isEqualTo(3);
    }

    @Test
    void aPaymentRacingTheJobThatFailsTheGroupEndsItOneWayWithTheMoneyRightOnce() throws Exception {
        SkuId sku = fixtures.sku("100.00", 10);
        GroupBuyView activity = fixtures.running(sku, "59.90", 2, 1);
        GroupBuyFixtures.Member opener = fixtures.opener(activity);
        GroupBuyFixtures.Member joiner = fixtures.joiner(opener.group());
        OrderView first = fixtures.checkoutAndPay(opener, sku);
        await().atMost(Duration.ofSeconds(30)).until(() -> groupBuys.group(opener.group()).paid() == 1);
        OrderView second = fixtures.checkout(joiner, sku);
        // paid at the cashier just before the deadline; the provider's notice arrives as the job runs
        String notice = paidAtCashier(joiner, second);
        clock.advance(Duration.ofMinutes(61));
        try {
            race(2, List.of(() -> {
                fixtures.orders().deliver(notice);
                return "paid";
            }, () -> settlement.failExpired()));
        } finally {
            clock.advance(Duration.ofMinutes(-61));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> groupBuys.group(opener.group()).status() != GroupStatus.OPEN);
        GroupStatus outcome = groupBuys.group(opener.group()).status();
        List<OrderView> both = List.of(first, second);
        if (outcome == GroupStatus.SUCCEEDED) {
            // the payment was on time and counted before the job came: both go to fulfilment, nobody is refunded
            for (OrderView order : both) {
                OrderDetail done = fixtures.orders().await(order.id(), OrderStatus.ALLOCATED);
                assertThat(done.refunds()).isEmpty();
            }
        } else {
            settlement.settleCompleted();
            for (OrderView order : both) {
                OrderDetail refunded = await().atMost(Duration.ofSeconds(30)).until(() -> orders.detail(order.id()),
                        o -> o.status() == OrderStatus.CANCELLED && o.refundedAmount().equals(GROUP_TOTAL));
                assertThat(refunded.refunds()).hasSize(1);
                assertThat(released(order)).isZero();
            }
        }
        settlement.settleCompleted();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> both.stream()
                .allMatch(o -> orders.detail(o.id()).refunds().size() == (outcome == GroupStatus.FAILED ? 1 : 0)));
        long outcomes = events.of(GroupBuySucceeded.class).stream().filter(e -> e.groupId().equals(opener.group()))
                .count() + events.of(GroupBuyFailed.class).stream().filter(e -> e.groupId().equals(opener.group()))
                .count();
        assertThat(outcomes).isEqualTo(1);
    }

    @Test
    void twentyHelpersCuttingAtOnceNeverTakeTheBargainBelowItsFloor() throws Exception {
        SkuId sku = fixtures.sku("100.00", 10);
        BargainActivityView activity = fixtures.runningBargain(sku, "80.00", 50, 24, "1.00", "5.00");
        BargainView started = fixtures.startBargain(fixtures.orders().shopper(), activity);
        List<OrderFixtures.Shopper> helpers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            helpers.add(fixtures.orders().shopper());
        }

        List<Object> outcomes = race(20, helpers.stream().<Callable<Object>>map(h -> () -> {
            try {
                return bargains.cut(h.id(), started.id());
            } catch (BusinessRuleException refused) {
                return refused.code();
            }
        }).toList());

        // each cut takes at least 1.00 of the 20.00 room: twenty helpers reach the floor, never pass it
        BargainView after = bargains.bargain(started.id());
        assertThat(after.currentPrice()).isEqualTo(Money.of("80.00", Money.CNY));
        List<BargainView.Cut> cuts = outcomes.stream().filter(BargainView.Cut.class::isInstance)
                .map(BargainView.Cut.class::cast).toList();
        assertThat(outcomes).filteredOn(String.class::isInstance).containsOnly("floor-reached");
        assertThat(cuts).hasSize(after.helpers()).hasSameSizeAs(after.cuts());
        assertThat(cuts.stream().map(BargainView.Cut::amount).reduce(Money::plus).orElseThrow())
                .isEqualTo(Money.of("20.00", Money.CNY));
        assertThat(after.cuts()).allSatisfy(c -> {
            assertThat(c.amount().compareTo(c.drawn())).isLessThanOrEqualTo(0);
            assertThat(c.priceAfter().compareTo(Money.of("80.00", Money.CNY))).isGreaterThanOrEqualTo(0);
        });
        // in the order taken, each cut leaves the price the one before left less its amount
        Money price = Money.of("100.00", Money.CNY);
        for (BargainView.Cut cut : after.cuts()) {
            price = price.minus(cut.amount());
            assertThat(cut.priceAfter()).isEqualTo(price);
        }
        assertThat(bargains.detail(started.id()).cutsVerified()).isTrue();
    }

    @Test
    void helpersRacingForABargainsLastHelpGetOnlyAsManyCutsAsItAllows() throws Exception {
        SkuId sku = fixtures.sku("100.00", 10);
        BargainActivityView activity = fixtures.runningBargain(sku, "50.00", 5, 24, "0.01", "1.00");
        BargainView started = fixtures.startBargain(fixtures.orders().shopper(), activity);
        List<OrderFixtures.Shopper> helpers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            helpers.add(fixtures.orders().shopper());
        }

        List<Object> outcomes = race(20, helpers.stream().<Callable<Object>>map(h -> () -> {
            try {
                return bargains.cut(h.id(), started.id());
            } catch (BusinessRuleException refused) {
                return refused.code();
            }
        }).toList());

        assertThat(outcomes).filteredOn(BargainView.Cut.class::isInstance).hasSize(5);
        assertThat(outcomes).filteredOn(String.class::isInstance).containsOnly("helpers-full").hasSize(15);
        assertThat(bargains.bargain(started.id()).helpers()).isEqualTo(5);
    }

    private String paidAtCashier(GroupBuyFixtures.Member member, OrderView order) {
        OrderPayment payment = fixtures.orders().startPayment(member.shopper(), order);
        return fixtures.orders().payAtCashier(payment);
    }

    private long released(OrderView order) {
        return orders.detail(order.id()).timeline().stream()
                .filter(e -> e.kind() == TimelineEntry.Kind.REVIEW_RELEASED).count();
    }

    private static List<Object> race(int threads, List<Callable<Object>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<Object> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
