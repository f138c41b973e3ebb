package io.shopops.aftersales;

import java.time.Duration;
import java.util.List;

import io.shopops.customer.CustomerId;
import io.shopops.inventory.Inventory;
import io.shopops.inventory.MovementQuery;
import io.shopops.inventory.MovementType;
import io.shopops.inventory.MovementView;
import io.shopops.inventory.MutableClock;
import io.shopops.ordering.OrderDetail;
import io.shopops.ordering.OrderFixtures;
import io.shopops.ordering.OrderStatus;
import io.shopops.ordering.Orders;
import io.shopops.ordering.TimelineEntry;
import io.shopops.payment.PaymentId;
import io.shopops.payment.Payments;
import io.shopops.payment.sandbox.SandboxControls;
import io.shopops.payment.sandbox.SandboxFaults;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.InvalidInputException;
import io.shopops.shared.Money;
import io.shopops.shared.NotFoundException;
import io.shopops.shared.PageQuery;
import io.shopops.testing.PostgresTest;
import io.shopops.testing.ShopOpsTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.shopops.aftersales.AfterSalesFixtures.amount;
import static io.shopops.aftersales.AfterSalesFixtures.line;
import static io.shopops.aftersales.AfterSalesFixtures.refundOnly;
import static io.shopops.aftersales.AfterSalesFixtures.returning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * After-sales through the real ordering, payment (sandbox), inventory and fulfilment modules, on H2 and on
 * PostgreSQL: the return from request to refund, refund-only, the claims that cap refunds per line, the policy,
 * illegal steps, failed refunds and the job that cancels returns never shipped back.
 */
class AfterSalesContractTests {

    abstract static class Contract {

        @Autowired
        AfterSalesRequests customers;
        @Autowired
        AfterSales staff;
        @Autowired
        AfterSalesRefunds refunds;
        @Autowired
        AfterSalesFixtures fixtures;
        @Autowired
        Orders orders;
        @Autowired
        Inventory inventory;
        @Autowired
        Payments payments;
        @Autowired
        SandboxControls sandbox;
        @Autowired
        MutableClock clock;
        @Autowired
        JdbcClient jdbc;
        @Autowired
        AfterSalesTestConfiguration.AfterSalesEvents events;

        static Money cny(String amount) {
            return Money.of(amount, Money.CNY);
        }

        AfterSalesView ask(AfterSalesFixtures.Bought bought, NewAfterSalesRequest request) {
            return customers.request(bought.shopper().id(), bought.order().id(), null, request);
        }

        AfterSalesView awaitStatus(AfterSalesId id, AfterSalesStatus status) {
            await().atMost(Duration.ofSeconds(20)).until(() -> staff.request(id).status() == status);
            return staff.request(id);
        }

        long onHand(AfterSalesFixtures.Bought bought) {
            return inventory.level(bought.boots(), bought.warehouse().id()).onHand();
        }

        @Test
        void aReturnGoesFromRequestToRefundPuttingGoodsBackAndMoneyBackExactlyOnce() {
            AfterSalesFixtures.Bought bought = fixtures.delivered();
            long onHandBefore = onHand(bought);

            AfterSalesView requested = ask(bought, returning(AfterSalesReason.NO_REASON, line(1, 2)));
            assertThat(requested.status()).isEqualTo(AfterSalesStatus.REQUESTED);
            assertThat(requested.refundAmount()).isEqualTo(cny("100.00"));
            assertThat(requested.requestNo()).startsWith("AS");
            assertThat(requested.evidenceUrls()).containsExactly("https://img.example.com/evidence/1.jpg");

            AfterSalesView approved = staff.approve(requested.id(), "同意退货");
            assertThat(approved.status()).isEqualTo(AfterSalesStatus.APPROVED);
            assertThat(approved.returnDeadline()).isEqualTo(approved.decidedAt().plus(Duration.ofDays(7)));
            assertThat(approved.refundProgress()).isEqualTo(RefundProgress.NONE);

            AfterSalesView shipped = customers.shipBack(bought.shopper().id(), requested.id(),
                    new ReturnShipment("顺丰速运", "SF1234567890123"));
            assertThat(shipped.status()).isEqualTo(AfterSalesStatus.RETURN_SHIPPED);
            assertThat(shipped.returnTrackingNumber()).isEqualTo("SF1234567890123");

            staff.receive(requested.id(), new ReturnReceipt(List.of(new ReturnReceipt.Line(1, 1, 1)), "一双鞋盒破损"));

            AfterSalesView refunded = awaitStatus(requested.id(), AfterSalesStatus.REFUNDED);
            assertThat(refunded.refundProgress()).isEqualTo(RefundProgress.SUCCEEDED);
            assertThat(refunded.lines()).singleElement().satisfies(l -> {
                assertThat(l.restocked()).isEqualTo(1);
                assertThat(l.damaged()).isEqualTo(1);
            });
            // one unit back on the shelf; the damaged one came in and was written off, both on the ledger
            assertThat(onHand(bought)).isEqualTo(onHandBefore + 1);
            List<MovementView> movements = inventory.movements(new MovementQuery(bought.boots(), null,
                    bought.warehouse().id(), null, null, null, null), PageQuery.first(50)).items().stream()
                    .filter(m -> requested.requestNo().equals(m.reference())).toList();
            assertThat(movements).extracting(MovementView::type)
                    .containsExactlyInAnyOrder(MovementType.RETURN, MovementType.ADJUSTMENT);

            OrderDetail order = await().atMost(Duration.ofSeconds(20)).until(() -> orders.detail(bought.order().id()),
                    o -> o.refundedAmount().equals(cny("100.00")));
            assertThat(order.lines().getFirst().refundedAmount()).isEqualTo(cny("100.00"));
            assertThat(order.lines().getFirst().returnedQuantity()).isEqualTo(2);
            assertThat(order.refunds()).hasSize(1);
            assertThat(order.timeline()).filteredOn(e -> e.kind() == TimelineEntry.Kind.AFTER_SALES).hasSizeGreaterThanOrEqualTo(5);
            assertThat(payments.payment(new PaymentId(order.payments().getFirst().paymentId())).refundedAmount())
                    .isEqualTo(cny("100.00"));

            await().atMost(Duration.ofSeconds(20)).until(() -> events.of(RefundCompleted.class).stream()
                    .anyMatch(e -> e.requestId().equals(requested.id())));
            RefundCompleted completed = events.of(RefundCompleted.class).stream()
                    .filter(e -> e.requestId().equals(requested.id())).findFirst().orElseThrow();
            assertThat(completed.amount()).isEqualTo(cny("100.00"));
            assertThat(completed.lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualTo(2));

            // the repair job finds nothing to do, and a repeated job run refunds nothing more
            refunds.repairPending();
            assertThat(payments.payment(new PaymentId(order.payments().getFirst().paymentId())).refundedAmount())
                    .isEqualTo(cny("100.00"));
            assertThat(staff.request(requested.id()).timeline()).extracting(AfterSalesView.Step::type)
                    .containsSubsequence("REQUESTED", "APPROVED", "RETURN_SHIPPED", "RECEIVED", "REFUND_REQUESTED",
                            "REFUNDED");
        }

        @Test
        void aRefundOnlyRequestIsRefundedOnApprovalForThePartAskedFor() {
            AfterSalesFixtures.Bought bought = fixtures.delivered();

            AfterSalesView requested = ask(bought, refundOnly(AfterSalesReason.MISSING_PARTS, amount(2, "15.50")));
            staff.approve(requested.id(), null);

            AfterSalesView refunded = awaitStatus(requested.id(), AfterSalesStatus.REFUNDED);
            assertThat(refunded.refundAmount()).isEqualTo(cny("15.50"));
            OrderDetail order = await().atMost(Duration.ofSeconds(20)).until(() -> orders.detail(bought.order().id()),
                    o -> o.refundedAmount().equals(cny("15.50")));
            assertThat(order.lines().get(1).refundedAmount()).isEqualTo(cny("15.50"));
            assertThat(order.lines().get(1).returnedQuantity()).isZero();
            assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
        }

        @Test
        void requestsTogetherNeverClaimMoreThanALinePaidAndARejectionGivesItsClaimBack() {
            AfterSalesFixtures.Bought bought = fixtures.delivered();

            AfterSalesView first = ask(bought, refundOnly(AfterSalesReason.QUALITY_ISSUE, amount(2, "60.00")));
            assertThatThrownBy(() -> ask(bought, refundOnly(AfterSalesReason.QUALITY_ISSUE, amount(2, "20.01"))))
                    .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
                        assertThat(e.code()).isEqualTo("refund-exceeds-paid");
                        assertThat(e.violations()).extracting(v -> v.field()).containsExactly("lines[0].amount");
                    });
            AfterSalesView second = ask(bought, refundOnly(AfterSalesReason.QUALITY_ISSUE, amount(2, "20.00")));
            assertThatThrownBy(() -> ask(bought, refundOnly(AfterSalesReason.QUALITY_ISSUE, amount(2, "0.01"))))
                    .isInstanceOf(BusinessRuleException.class);

            staff.reject(first.id(), "图片不清晰");
            assertThat(staff.request(first.id()).status()).isEqualTo(AfterSalesStatus.REJECTED);
            AfterSalesView third = ask(bought, refundOnly(AfterSalesReason.QUALITY_ISSUE, amount(2, "60.00")));
            assertThat(third.refundAmount()).isEqualTo(cny("60.00"));
            assertThat(second.status()).isEqualTo(AfterSalesStatus.REQUESTED);
            assertThat(claimed(bought, 2)).isEqualByComparingTo("80.00");

            // units: 3 bought, 2 claimed for return, 2 more refused, then the last one takes what is left exactly
            ask(bought, returning(AfterSalesReason.QUALITY_ISSUE, line(1, 2)));
            assertThatThrownBy(() -> ask(bought, returning(AfterSalesReason.QUALITY_ISSUE, line(1, 2))))
                    .isInstanceOfSatisfying(BusinessRuleException.class,
                            e -> assertThat(e.code()).isEqualTo("return-exceeds-bought"));
            AfterSalesView last = ask(bought, returning(AfterSalesReason.QUALITY_ISSUE, line(1, 1)));
            assertThat(last.refundAmount()).isEqualTo(cny("50.00"));
            assertThat(claimed(bought, 1)).isEqualByComparingTo("150.00");
        }

        java.math.BigDecimal claimed(AfterSalesFixtures.Bought bought, int lineNo) {
            return jdbc.sql("SELECT claimed_amount FROM order_line WHERE order_id = :order AND line_no = :line")
                    .param("order", bought.order().id().value()).param("line", lineNo)
                    .query(java.math.BigDecimal.class).single();
        }

        @Test
        void theSevenDayNoReasonReturnAndTheAfterSalesWindowCountFromDelivery() {
            AfterSalesFixtures.Bought bought = fixtures.delivered();
            clock.advance(Duration.ofDays(8));
            try {
                assertThatThrownBy(() -> ask(bought, returning(AfterSalesReason.NO_REASON, line(1, 1))))
                        .isInstanceOfSatisfying(BusinessRuleException.class,
                                e -> assertThat(e.code()).isEqualTo("no-reason-period-over"));
                // a quality problem may still be raised within the 15-day after-sales period
                assertThat(ask(bought, returning(AfterSalesReason.QUALITY_ISSUE, line(1, 1))).status())
                        .isEqualTo(AfterSalesStatus.REQUESTED);
                clock.advance(Duration.ofDays(8));
                assertThatThrownBy(() -> ask(bought, refundOnly(AfterSalesReason.QUALITY_ISSUE, amount(2, "5.00"))))
                        .isInstanceOfSatisfying(BusinessRuleException.class,
                                e -> assertThat(e.code()).isEqualTo("after-sales-period-over"));
            } finally {
                clock.advance(Duration.ofDays(-16));
            }
        }

        @Test
        void whatThePolicyRefusesIsRefusedWithItsReasonAndNothingWritten() {
            AfterSalesFixtures.Bought paid = fixtures.paid();
            assertThatThrownBy(() -> ask(paid, returning(AfterSalesReason.QUALITY_ISSUE, line(1, 1))))
                    .isInstanceOfSatisfying(BusinessRuleException.class,
                            e -> assertThat(e.code()).isEqualTo("cancel-instead"));

            AfterSalesFixtures.Bought shipped = fixtures.shipped();
            assertThatThrownBy(() -> ask(shipped, refundOnly(AfterSalesReason.NO_REASON, amount(1, "10.00"))))
                    .isInstanceOfSatisfying(BusinessRuleException.class,
                            e -> assertThat(e.code()).isEqualTo("no-reason-needs-return"));
            // not received yet: a refund-only request for a parcel still on its way is allowed
            assertThat(ask(shipped, refundOnly(AfterSalesReason.NOT_RECEIVED, line(2, 1))).refundAmount())
                    .isEqualTo(cny("80.00"));

            assertThatThrownBy(() -> ask(shipped, returning(AfterSalesReason.QUALITY_ISSUE, line(9, 1))))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                            .extracting(v -> v.field()).containsExactly("lines[0].lineNo"));
            assertThatThrownBy(() -> ask(shipped, new NewAfterSalesRequest(null, null, "x".repeat(1001),
                    List.of("javascript:alert(1)"), List.of(line(1, 0), line(1, 1)))))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                            .extracting(v -> v.field())
                            .contains("kind", "reason", "description", "evidenceUrls[0]", "lines[1].lineNo"));
            assertThat(customers.mine(shipped.shopper().id(), PageQuery.first(20)).totalItems()).isEqualTo(1);

            // another customer's order is as missing as one that does not exist
            OrderFixtures.Shopper stranger = fixtures.paid().shopper();
            assertThatThrownBy(() -> customers.request(stranger.id(), shipped.order().id(), null,
                    returning(AfterSalesReason.QUALITY_ISSUE, line(1, 1)))).isInstanceOf(NotFoundException.class);
        }

        @Test
        void stepsOutOfOrderAreRefusedAndAWithdrawnRequestGivesItsClaimBack() {
            AfterSalesFixtures.Bought bought = fixtures.delivered();
            AfterSalesView request = ask(bought, returning(AfterSalesReason.WRONG_ITEM, line(1, 3)));

            assertThatThrownBy(() -> staff.receive(request.id(), new ReturnReceipt(List.of(
                    new ReturnReceipt.Line(1, 3, 0)), null)))
                    .isInstanceOfSatisfying(BusinessRuleException.class,
                            e -> assertThat(e.code()).isEqualTo("illegal-transition"));
            staff.approve(request.id(), null);
            assertThatThrownBy(() -> staff.approve(request.id(), null))
                    .isInstanceOfSatisfying(BusinessRuleException.class,
                            e -> assertThat(e.code()).isEqualTo("illegal-transition"));
            assertThatThrownBy(() -> staff.reject(request.id(), "too late"))
                    .isInstanceOf(BusinessRuleException.class);
            assertThatThrownBy(() -> customers.shipBack(new CustomerId(bought.shopper().id().value() + 1_000_000),
                    request.id(), new ReturnShipment("SF", "SF123456"))).isInstanceOf(NotFoundException.class);

            AfterSalesView withdrawn = customers.withdraw(bought.shopper().id(), request.id());
            assertThat(withdrawn.status()).isEqualTo(AfterSalesStatus.CANCELLED);
            assertThat(claimed(bought, 1)).isEqualByComparingTo("0.00");
            assertThatThrownBy(() -> customers.shipBack(bought.shopper().id(), request.id(),
                    new ReturnShipment("SF", "SF123456"))).isInstanceOf(BusinessRuleException.class);

            AfterSalesView refundOnly = ask(bought, refundOnly(AfterSalesReason.QUALITY_ISSUE, amount(1, "5.00")));
            staff.approve(refundOnly.id(), null);
            assertThatThrownBy(() -> customers.shipBack(bought.shopper().id(), refundOnly.id(),
                    new ReturnShipment("SF", "SF123456"))).isInstanceOf(BusinessRuleException.class);
            assertThatThrownBy(() -> customers.withdraw(bought.shopper().id(), refundOnly.id()))
                    .isInstanceOf(BusinessRuleException.class);
        }

        @Test
        void aReceiptMustAccountForEveryLineAndNeverMoreUnitsThanWereSent() {
            AfterSalesFixtures.Bought bought = fixtures.delivered();
            AfterSalesView request = ask(bought, returning(AfterSalesReason.QUALITY_ISSUE, line(1, 2), line(2, 1)));
            staff.approve(request.id(), null);
            customers.shipBack(bought.shopper().id(), request.id(), new ReturnShipment("中通", "7312345678901"));

            assertThatThrownBy(() -> staff.receive(request.id(), new ReturnReceipt(List.of(
                    new ReturnReceipt.Line(1, 2, 1)), null)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                            .extracting(v -> v.field()).containsExactlyInAnyOrder("lines[0].restocked", "lines"));
            assertThat(staff.request(request.id()).status()).isEqualTo(AfterSalesStatus.RETURN_SHIPPED);

            staff.receive(request.id(), new ReturnReceipt(List.of(new ReturnReceipt.Line(2, 1, 0),
                    new ReturnReceipt.Line(1, 2, 0)), null));
            assertThat(awaitStatus(request.id(), AfterSalesStatus.REFUNDED).refundAmount()).isEqualTo(cny("180.00"));
        }

        @Test
        void aRefundTheProviderDeclinesWaitsForStaffAndARetryIsANewAttempt() {
            AfterSalesFixtures.Bought bought = fixtures.delivered();
            String providerPaymentId = payments.payment(new PaymentId(orders.detail(bought.order().id()).payments()
                    .getFirst().paymentId())).providerPaymentId();
            sandbox.inject(providerPaymentId, SandboxFaults.none().decliningRefunds());

            AfterSalesView request = ask(bought, refundOnly(AfterSalesReason.DAMAGED_IN_TRANSIT, amount(2, "30.00")));
            staff.approve(request.id(), null);
            await().atMost(Duration.ofSeconds(20)).until(() -> staff.request(request.id()).refundProgress()
                    == RefundProgress.FAILED);
            AfterSalesView failed = staff.request(request.id());
            assertThat(failed.status()).isEqualTo(AfterSalesStatus.APPROVED);
            assertThat(failed.refundFailure()).isNotBlank();

            sandbox.inject(providerPaymentId, SandboxFaults.none());
            AfterSalesView retried = staff.retryRefund(request.id());
            assertThat(retried.refundAttempt()).isEqualTo(2);
            assertThat(awaitStatus(request.id(), AfterSalesStatus.REFUNDED).refundProgress())
                    .isEqualTo(RefundProgress.SUCCEEDED);
            assertThatThrownBy(() -> staff.retryRefund(request.id())).isInstanceOfSatisfying(
                    BusinessRuleException.class, e -> assertThat(e.code()).isEqualTo("refund-not-due"));
        }

        @Test
        void anApprovedReturnNeverShippedBackIsCancelledAndItsClaimGivenBack() {
            AfterSalesFixtures.Bought bought = fixtures.delivered();
            AfterSalesView request = ask(bought, returning(AfterSalesReason.NO_REASON, line(2, 1)));
            staff.approve(request.id(), null);

            clock.advance(Duration.ofDays(8));
            try {
                assertThat(refunds.cancelUnshippedReturns()).isPositive();
            } finally {
                clock.advance(Duration.ofDays(-8));
            }
            assertThat(staff.request(request.id()).status()).isEqualTo(AfterSalesStatus.CANCELLED);
            assertThat(claimed(bought, 2)).isEqualByComparingTo("0.00");
            assertThat(refunds.cancelUnshippedReturns()).isZero();
        }
    }

    @Nested
    @ShopOpsTest
    @Import(AfterSalesTestConfiguration.class)
    class OnH2 extends Contract {
    }

    @Nested
    @PostgresTest
    @Import(AfterSalesTestConfiguration.class)
    class OnPostgres extends Contract {
    }
}
