package io.shopops.groupbuy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import io.shopops.catalog.Catalog;
import io.shopops.catalog.SkuId;
import io.shopops.inventory.MutableClock;
import io.shopops.ordering.AppliedRule;
import io.shopops.ordering.OrderAllocated;
import io.shopops.ordering.OrderDetail;
import io.shopops.ordering.OrderId;
import io.shopops.ordering.OrderPaid;
import io.shopops.ordering.OrderStatus;
import io.shopops.ordering.OrderView;
import io.shopops.ordering.Orders;
import io.shopops.ordering.OrderingTestConfiguration;
import io.shopops.ordering.PriceCalculator;
import io.shopops.ordering.PricedOrder;
import io.shopops.ordering.PricingRequest;
import io.shopops.ordering.SalesChannel;
import io.shopops.ordering.TimelineEntry;
import io.shopops.payment.PaymentId;
import io.shopops.payment.Payments;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.Money;
import io.shopops.testing.PostgresTest;
import io.shopops.testing.ShopOpsTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Group buys and bargains through the real checkout, payment (sandbox), ordering and fulfilment modules, on H2 and
 * on PostgreSQL: a group that fills succeeds and releases its orders once; one whose time runs out fails and refunds
 * every paid member exactly once, however often its job and events come; late payments, cancelled orders, unused
 * places, limits and cancelled activities; bargains cut within their bounds down to the floor and bought once.
 */
class GroupBuyContractTests {

    static final Money GROUP_TOTAL = cny("69.90");

    static Money cny(String amount) {
        return Money.of(amount, Money.CNY);
    }

    abstract static class Contract {

        @Autowired
        GroupBuys groupBuys;
        @Autowired
        GroupBuyActivities activities;
        @Autowired
        GroupBuySettlement settlement;
        @Autowired
        Bargains bargains;
        @Autowired
        GroupBuyFixtures fixtures;
        @Autowired
        Orders orders;
        @Autowired
        Payments payments;
        @Autowired
        Catalog catalog;
        @Autowired
        PriceCalculator prices;
        @Autowired
        MutableClock clock;
        @Autowired
        GroupBuyTestConfiguration.GroupBuyEvents events;
        @Autowired
        OrderingTestConfiguration.OrderEvents orderEvents;
        @Autowired
        ApplicationEventPublisher publisher;
        @Autowired
        PlatformTransactionManager transactions;

        MembershipView place(GroupBuyFixtures.Member member) {
            return groupBuys.membership(member.shopper().id(), member.place().id());
        }

        MembershipView awaitPlace(GroupBuyFixtures.Member member, MembershipStatus status) {
            await().atMost(Duration.ofSeconds(30)).until(() -> place(member).status() == status);
            return place(member);
        }

        GroupView awaitGroup(GroupId id, GroupStatus status) {
            await().atMost(Duration.ofSeconds(30)).until(() -> groupBuys.group(id).status() == status);
            return groupBuys.group(id);
        }

        OrderDetail awaitRefunded(OrderId id, Money amount) {
            return await().atMost(Duration.ofSeconds(30)).until(() -> orders.detail(id),
                    o -> o.status() == OrderStatus.CANCELLED && o.refundedAmount().equals(amount));
        }

        /** OrderPaid delivered again, as the outbox does after a crash: every listener gets it once more. */
        void redeliverPaid(OrderId id) {
            OrderDetail order = orders.detail(id);
            new TransactionTemplate(transactions).executeWithoutResult(status -> publisher.publishEvent(
                    new OrderPaid(order.id(), order.orderNumber(), order.customerId(), order.paidAmount(),
                            order.paidAt())));
        }

        long released(OrderId id) {
            return orders.detail(id).timeline().stream().filter(e -> e.kind() == TimelineEntry.Kind.REVIEW_RELEASED)
                    .count();
        }

        long allocatedEvents(OrderId id) {
            return orderEvents.of(OrderAllocated.class).stream().filter(e -> e.orderId().equals(id)).count();
        }

        long succeededEvents(GroupId id) {
            return events.of(GroupBuySucceeded.class).stream().filter(e -> e.groupId().equals(id)).count();
        }

        long failedEvents(GroupId id) {
            return events.of(GroupBuyFailed.class).stream().filter(e -> e.groupId().equals(id)).count();
        }

        /** One refund at the payment module for the order's payment, of the whole amount. */
        void refundedOnceInFull(OrderId id) {
            OrderDetail order = awaitRefunded(id, GROUP_TOTAL);
            assertThat(order.refunds()).hasSize(1);
            assertThat(order.payments()).hasSize(1);
            var detail = payments.detail(new PaymentId(order.payments().getFirst().paymentId()));
            assertThat(detail.refunds()).hasSize(1);
            assertThat(detail.payment().refundedAmount()).isEqualTo(GROUP_TOTAL);
        }

        @Test
        void aGroupWhoseEveryPlaceIsPaidSucceedsAndReleasesEachOrderToFulfilmentOnce() {
            SkuId sku = fixtures.sku("100.00", 10);
            GroupBuyView activity = fixtures.running(sku, "59.90", 3, 24);
            GroupBuyFixtures.Member opener = fixtures.opener(activity);
            assertThat(opener.place().status()).isEqualTo(MembershipStatus.PENDING_PAYMENT);
            assertThat(opener.place().group().members()).isEqualTo(1);
            List<GroupBuyFixtures.Member> members = List.of(opener, fixtures.joiner(opener.group()),
                    fixtures.joiner(opener.group()));
            assertThat(groupBuys.group(opener.group()).placesLeft()).isZero();

            List<OrderView> placed = members.stream().map(m -> fixtures.checkout(m, sku)).toList();
            for (int i = 0; i < placed.size(); i++) {
                OrderView order = placed.get(i);
                GroupBuyFixtures.Member member = members.get(i);
                assertThat(order.total()).isEqualTo(GROUP_TOTAL);
                assertThat(order.discountAmount()).isEqualTo(cny("40.10"));
                assertThat(order.priceRules()).anySatisfy(r -> assertThat(r.reference())
                        .isEqualTo("groupbuy:" + member.place().id()));
                fixtures.orders().pay(member.shopper(), order);
            }

            awaitGroup(opener.group(), GroupStatus.SUCCEEDED);
            for (int i = 0; i < placed.size(); i++) {
                fixtures.orders().await(placed.get(i).id(), OrderStatus.ALLOCATED);
                MembershipView place = awaitPlace(members.get(i), MembershipStatus.RELEASED);
                assertThat(place.paidAmount()).isEqualTo(GROUP_TOTAL);
                assertThat(place.orderId()).isEqualTo(placed.get(i).id());
            }

            // everything delivered again and the jobs run again: nothing more happens
            placed.forEach(o -> redeliverPaid(o.id()));
            settlement.failExpired();
            settlement.settleCompleted();
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> placed.stream()
                    .allMatch(o -> released(o.id()) == 1 && allocatedEvents(o.id()) == 1));
            assertThat(succeededEvents(opener.group())).isEqualTo(1);
            placed.forEach(o -> assertThat(fixtures.orders().shipments(o)).hasSize(1));
            GroupDetail detail = groupBuys.detail(opener.group());
            assertThat(detail.group().paid()).isEqualTo(3);
            assertThat(detail.members()).hasSize(3).allSatisfy(m -> {
                assertThat(m.status()).isEqualTo(MembershipStatus.RELEASED);
                assertThat(m.order().status()).isEqualTo(OrderStatus.ALLOCATED);
            });
            assertThat(detail.openerId()).isEqualTo(opener.shopper().id());
        }

        @Test
        void groupBuyFailureRefundsEveryoneExactlyOnce() {
            SkuId sku = fixtures.sku("100.00", 10);
            GroupBuyView activity = fixtures.running(sku, "59.90", 3, 1);
            GroupBuyFixtures.Member opener = fixtures.opener(activity);
            GroupBuyFixtures.Member payer = fixtures.joiner(opener.group());
            GroupBuyFixtures.Member unpaid = fixtures.joiner(opener.group());
            OrderView openerOrder = fixtures.checkoutAndPay(opener, sku);
            OrderView payerOrder = fixtures.checkoutAndPay(payer, sku);
            OrderView unpaidOrder = fixtures.checkout(unpaid, sku);
            awaitPlace(opener, MembershipStatus.PAID);
            awaitPlace(payer, MembershipStatus.PAID);
            // paid, but waiting for the group instead of going to fulfilment
            fixtures.orders().await(openerOrder.id(), OrderStatus.UNDER_REVIEW);
            fixtures.orders().await(payerOrder.id(), OrderStatus.UNDER_REVIEW);
            assertThat(groupBuys.group(opener.group()).paid()).isEqualTo(2);

            clock.advance(Duration.ofMinutes(61));
            try {
                assertThat(settlement.failExpired()).isPositive();
                settlement.failExpired();
                settlement.settleCompleted();
                settlement.settleCompleted();
            } finally {
                clock.advance(Duration.ofMinutes(-61));
            }
            redeliverPaid(openerOrder.id());
            redeliverPaid(payerOrder.id());
            redeliverPaid(openerOrder.id());

            GroupView failed = awaitGroup(opener.group(), GroupStatus.FAILED);
            assertThat(failed.failureReason()).contains("2 of 3");
            refundedOnceInFull(openerOrder.id());
            refundedOnceInFull(payerOrder.id());
            assertThat(awaitPlace(opener, MembershipStatus.REFUNDED).refundAmount()).isEqualTo(GROUP_TOTAL);
            assertThat(awaitPlace(payer, MembershipStatus.REFUNDED).refundAmount()).isEqualTo(GROUP_TOTAL);
            OrderDetail never = fixtures.orders().await(unpaidOrder.id(), OrderStatus.CANCELLED);
            assertThat(never.refunds()).isEmpty();
            assertThat(awaitPlace(unpaid, MembershipStatus.CANCELLED).refundAmount()).isNull();

            // and it stays at one refund each, one failure, no success, no release
            settlement.settleCompleted();
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() ->
                    orders.detail(openerOrder.id()).refunds().size() == 1
                            && orders.detail(payerOrder.id()).refunds().size() == 1);
            assertThat(failedEvents(opener.group())).isEqualTo(1);
            assertThat(succeededEvents(opener.group())).isZero();
            assertThat(released(openerOrder.id()) + released(payerOrder.id())).isZero();
            GroupBuyFigures figures = groupBuys.figures();
            assertThat(figures.refundedMembers()).isGreaterThanOrEqualTo(2);
            assertThat(figures.failedGroups()).isPositive();
        }

        @Test
        void aPaymentAfterTheDeadlineNeverCompletesTheGroupAndIsRefunded() {
            SkuId sku = fixtures.sku("100.00", 10);
            GroupBuyView activity = fixtures.running(sku, "59.90", 2, 1);
            GroupBuyFixtures.Member opener = fixtures.opener(activity);
            OrderView openerOrder = fixtures.checkoutAndPay(opener, sku);
            awaitPlace(opener, MembershipStatus.PAID);
            Duration moved = Duration.ZERO;
            try {
                clock.advance(Duration.ofMinutes(45));
                moved = moved.plusMinutes(45);
                GroupBuyFixtures.Member late = fixtures.joiner(opener.group());
                OrderView lateOrder = fixtures.checkout(late, sku);
                clock.advance(Duration.ofMinutes(20));
                moved = moved.plusMinutes(20);
                // the group's hour is over; the order's own payment window is not
                fixtures.orders().pay(late.shopper(), lateOrder);

                awaitGroup(opener.group(), GroupStatus.FAILED);
                refundedOnceInFull(lateOrder.id());
                refundedOnceInFull(openerOrder.id());
                assertThat(awaitPlace(late, MembershipStatus.REFUNDED).refundAmount()).isEqualTo(GROUP_TOTAL);
            } finally {
                clock.advance(moved.negated());
            }
            assertThat(succeededEvents(opener.group())).isZero();
            assertThat(failedEvents(opener.group())).isEqualTo(1);
        }

        @Test
        void aCancelledOrderGivesItsPlaceBackWhileTheGroupGathers() {
            SkuId sku = fixtures.sku("100.00", 10);
            GroupBuyView activity = fixtures.running(sku, "59.90", 2, 24);
            GroupBuyFixtures.Member opener = fixtures.opener(activity);
            GroupBuyFixtures.Member quitter = fixtures.joiner(opener.group());
            OrderView order = fixtures.checkoutAndPay(quitter, sku);
            awaitPlace(quitter, MembershipStatus.PAID);
            orders.cancel(quitter.shopper().id(), order.id(), "changed my mind");

            awaitPlace(quitter, MembershipStatus.CANCELLED);
            refundedOnceInFull(order.id());
            GroupView group = groupBuys.group(opener.group());
            assertThat(group.members()).isEqualTo(1);
            assertThat(group.paid()).isZero();
            assertThat(group.status()).isEqualTo(GroupStatus.OPEN);

            // the place is free again: someone else takes it, and the quitter finds the group full
            fixtures.joiner(opener.group());
            assertThatThrownBy(() -> groupBuys.join(quitter.shopper().id(), opener.group()))
                    .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("group-full"));
        }

        @Test
        void theGroupPriceIsForTheGroupsSkuAloneOneUnitOncePerPlace() {
            SkuId sku = fixtures.sku("100.00", 10);
            SkuId other = fixtures.sku("30.00", 10);
            GroupBuyView activity = fixtures.running(sku, "59.90", 2, 24);
            GroupBuyFixtures.Member opener = fixtures.opener(activity);

            PricedOrder two = price(opener, new PricingRequest.Item(catalog.sku(sku).orElseThrow(), 2));
            assertThat(two.discountAmount().isZero()).isTrue();
            assertThat(two.notApplied()).anySatisfy(s -> {
                assertThat(s.code()).isEqualTo("group-buy");
                assertThat(s.reason()).contains("one unit");
            });
            PricedOrder mixed = price(opener, new PricingRequest.Item(catalog.sku(sku).orElseThrow(), 1),
                    new PricingRequest.Item(catalog.sku(other).orElseThrow(), 1));
            assertThat(mixed.discountAmount().isZero()).isTrue();
            PricedOrder alone = price(opener, new PricingRequest.Item(catalog.sku(sku).orElseThrow(), 1));
            assertThat(alone.total()).isEqualTo(GROUP_TOTAL);

            OrderView first = fixtures.checkout(opener, sku);
            assertThat(first.total()).isEqualTo(GROUP_TOTAL);
            assertThat(fixtures.orders().await(first.id(), OrderStatus.PENDING_PAYMENT).priceRules())
                    .extracting(AppliedRule::code).contains("group-buy");
            // the place is bound to the first order now: a second one pays the sale price
            OrderView second = fixtures.checkout(opener, sku);
            assertThat(second.discountAmount().isZero()).isTrue();
            assertThat(second.total()).isEqualTo(cny("100.00"));
            assertThat(place(opener).orderId()).isEqualTo(first.id());
        }

        private PricedOrder price(GroupBuyFixtures.Member member, PricingRequest.Item... items) {
            return prices.price(new PricingRequest(SalesChannel.WEB, member.shopper().id(), null, List.of(items),
                    List.of(), true));
        }

        @Test
        void aCustomerHoldsNoMorePlacesThanTheActivityAllowsAndAFullGroupTakesNoOneElse() {
            SkuId sku = fixtures.sku("100.00", 10);
            GroupBuyView activity = fixtures.running(sku, "59.90", 2, 24);
            GroupBuyFixtures.Member opener = fixtures.opener(activity);
            assertThatThrownBy(() -> groupBuys.open(opener.shopper().id(), activity.id(), null))
                    .isInstanceOfSatisfying(BusinessRuleException.class,
                            e -> assertThat(e.code()).isEqualTo("place-limit-reached"));
            GroupBuyFixtures.Member joiner = fixtures.joiner(opener.group());
            // asking again gives the same place
            assertThat(groupBuys.join(joiner.shopper().id(), opener.group()).id()).isEqualTo(joiner.place().id());
            assertThat(groupBuys.join(opener.shopper().id(), opener.group()).id()).isEqualTo(opener.place().id());
            assertThatThrownBy(() -> fixtures.joiner(opener.group()))
                    .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("group-full"));
            assertThat(groupBuys.group(opener.group()).members()).isEqualTo(2);
        }

        @Test
        void aPlaceNeverCheckedOutGoesBackToTheGroupWhenItsHoldRunsOut() {
            SkuId sku = fixtures.sku("100.00", 10);
            GroupBuyView activity = fixtures.running(sku, "59.90", 3, 24);
            GroupBuyFixtures.Member opener = fixtures.opener(activity);
            GroupBuyFixtures.Member idle = fixtures.joiner(opener.group());
            fixtures.checkout(opener, sku);
            clock.advance(Duration.ofMinutes(31));
            try {
                assertThat(settlement.releaseUnusedPlaces()).isPositive();
            } finally {
                clock.advance(Duration.ofMinutes(-31));
            }
            assertThat(place(idle).status()).isEqualTo(MembershipStatus.CANCELLED);
            // the opener's place has an order: its payment window decides, not the hold
            assertThat(place(opener).status()).isEqualTo(MembershipStatus.PENDING_PAYMENT);
            assertThat(groupBuys.group(opener.group()).members()).isEqualTo(1);
            // and the customer may take a place again
            assertThat(groupBuys.join(idle.shopper().id(), opener.group()).status())
                    .isEqualTo(MembershipStatus.PENDING_PAYMENT);
            assertThat(groupBuys.group(opener.group()).members()).isEqualTo(2);
        }

        @Test
        void cancellingAnActivityFailsItsGatheringGroupsAndRefundsTheirPaidMembers() {
            SkuId sku = fixtures.sku("100.00", 10);
            GroupBuyView activity = fixtures.running(sku, "59.90", 2, 24);
            GroupBuyFixtures.Member opener = fixtures.opener(activity);
            OrderView order = fixtures.checkoutAndPay(opener, sku);
            awaitPlace(opener, MembershipStatus.PAID);

            GroupBuyView cancelled = activities.cancel(activity.id(), "supplier ran out");
            assertThat(cancelled.status()).isEqualTo(ActivityStatus.CANCELLED);
            assertThat(groupBuys.group(opener.group()).failureReason()).contains("supplier ran out");
            refundedOnceInFull(order.id());
            assertThat(awaitPlace(opener, MembershipStatus.REFUNDED).refundAmount()).isEqualTo(GROUP_TOTAL);
            assertThatThrownBy(() -> groupBuys.open(fixtures.orders().shopper().id(), activity.id(), null))
                    .isInstanceOfSatisfying(BusinessRuleException.class,
                            e -> assertThat(e.code()).isEqualTo("activity-not-running"));
        }

        @Test
        void helpersCutABargainWithinItsBoundsNeverBelowTheFloorAndTheOwnerBuysItOnceAtThePriceReached() {
            SkuId sku = fixtures.sku("100.00", 10);
            BargainActivityView activity = fixtures.runningBargain(sku, "80.00", 10, 24, "3.00", "8.00");
            var owner = fixtures.orders().shopper();
            BargainView started = fixtures.startBargain(owner, activity);
            assertThat(fixtures.startBargain(owner, activity).id()).isEqualTo(started.id());
            assertThat(started.currentPrice()).isEqualTo(cny("100.00"));
            assertThatThrownBy(() -> bargains.cut(owner.id(), started.id()))
                    .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("own-bargain"));

            Money cutTotal = cny("0.00");
            for (int i = 0; i < 10 && !bargains.bargain(started.id()).floorReached(); i++) {
                var helper = fixtures.orders().shopper();
                BargainView.Cut cut = bargains.cut(helper.id(), started.id());
                assertThat(bargains.cut(helper.id(), started.id())).isEqualTo(cut);
                assertThat(cut.drawn().amount()).isBetween(new BigDecimal("3.00"), new BigDecimal("8.00"));
                assertThat(cut.amount().compareTo(cut.drawn())).isLessThanOrEqualTo(0);
                assertThat(cut.priceAfter().compareTo(cny("80.00"))).isGreaterThanOrEqualTo(0);
                cutTotal = cutTotal.plus(cut.amount());
            }
            BargainView reached = bargains.bargain(started.id());
            assertThat(reached.currentPrice()).isEqualTo(cny("100.00").minus(cutTotal));
            assertThat(reached.floorReached()).isTrue();
            BargainDetail audited = bargains.detail(started.id());
            assertThat(audited.cutsVerified()).isTrue();
            assertThat(audited.seed()).hasSize(64);
            assertThatThrownBy(() -> bargains.cut(fixtures.orders().shopper().id(), started.id()))
                    .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("floor-reached"));

            OrderView bought = fixtures.orders().place(owner, io.shopops.ordering.OrderFixtures.line(sku, 1));
            assertThat(bought.total()).isEqualTo(cny("90.00"));
            assertThat(bought.priceRules()).anySatisfy(r -> assertThat(r.reference()).isEqualTo("bargain:" + started.id()));
            BargainView purchased = bargains.bargain(started.id());
            assertThat(purchased.status()).isEqualTo(BargainStatus.PURCHASED);
            assertThat(purchased.orderId()).isEqualTo(bought.id());
            assertThat(purchased.purchasedPrice()).isEqualTo(cny("80.00"));
            OrderView again = fixtures.orders().place(owner, io.shopops.ordering.OrderFixtures.line(sku, 1));
            assertThat(again.total()).isEqualTo(cny("100.00"));
        }

        @Test
        void aBargainPastItsDeadlineCanNoLongerBeCutOrBought() {
            SkuId sku = fixtures.sku("100.00", 10);
            BargainActivityView activity = fixtures.runningBargain(sku, "60.00", 10, 1, "1.00", "2.00");
            var owner = fixtures.orders().shopper();
            BargainView started = fixtures.startBargain(owner, activity);
            bargains.cut(fixtures.orders().shopper().id(), started.id());
            clock.advance(Duration.ofMinutes(61));
            try {
                assertThatThrownBy(() -> bargains.cut(fixtures.orders().shopper().id(), started.id()))
                        .isInstanceOfSatisfying(BusinessRuleException.class,
                                e -> assertThat(e.code()).isEqualTo("bargain-expired"));
                OrderView order = fixtures.orders().place(owner, io.shopops.ordering.OrderFixtures.line(sku, 1));
                assertThat(order.total()).isEqualTo(cny("100.00"));
                assertThat(bargains.expire()).isPositive();
            } finally {
                clock.advance(Duration.ofMinutes(-61));
            }
            assertThat(bargains.bargain(started.id()).status()).isEqualTo(BargainStatus.EXPIRED);
            assertThat(bargains.figures().expired()).isPositive();
        }
    }

    @Nested
    @ShopOpsTest
    @Import(GroupBuyTestConfiguration.class)
    class OnH2 extends Contract {
    }

    @Nested
    @PostgresTest
    @Import(GroupBuyTestConfiguration.class)
    class OnPostgres extends Contract {
    }
}
