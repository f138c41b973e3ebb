package io.shopops.ordering;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import io.shopops.catalog.SkuId;
import io.shopops.inventory.MutableClock;
import io.shopops.inventory.WarehouseView;
import io.shopops.payment.PaymentId;
import io.shopops.payment.PaymentRequest;
import io.shopops.payment.PaymentSession;
import io.shopops.payment.PaymentSucceeded;
import io.shopops.payment.Payments;
import io.shopops.payment.sandbox.SandboxControls;
import io.shopops.payment.sandbox.SandboxNotice;
import io.shopops.shared.Money;
import io.shopops.shared.ShopProperties;
import io.shopops.testing.ShopOpsTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static io.shopops.ordering.OrderFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

/** The daily order–payment reconciliation finds what disagrees and nothing else. */
@ShopOpsTest
@Import(OrderingTestConfiguration.class)
class OrderReconciliationTests {

    @Autowired
    OrderReconciliation reconciliation;
    @Autowired
    Orders orders;
    @Autowired
    OrderFixtures fixtures;
    @Autowired
    Payments payments;
    @Autowired
    SandboxControls sandbox;
    @Autowired
    ShopProperties shop;
    @Autowired
    MutableClock clock;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;

    OrderFixtures.Shopper shopper;

    OrderView order() {
        SkuId sku = fixtures.sku("50.00");
        WarehouseView east = fixtures.warehouse("华东");
        fixtures.stock(sku, east, 5);
        shopper = fixtures.shopper();
        return fixtures.place(shopper, line(sku, 1));
    }

    LocalDate dayOf(Instant instant) {
        return instant.atZone(shop.zone()).toLocalDate();
    }

    @Test
    void anOrderPaidAndCapturedTheSameDayGivesNoFinding() {
        OrderView order = order();
        fixtures.pay(shopper, order);
        OrderDetail paid = fixtures.await(order.id(), OrderStatus.ALLOCATED);

        OrderPaymentReconciliation report = reconciliation.report(dayOf(paid.paidAt()));

        assertThat(report.findings()).noneMatch(f -> order.orderNumber().equals(f.orderNumber()));
        assertThat(report.orders().count()).isPositive();
        assertThat(report.payments().paid().isGreaterThan(Money.zero(Money.CNY))).isTrue();
    }

    @Test
    void findsAPaidOrderWithoutACaptureAndACaptureWithoutAnOrder() {
        OrderView order = order();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(new PaymentSucceeded(
                new PaymentId(8_000_000_000L + order.id().value()), order.orderNumber(), order.total(), "sandbox",
                "TX-FORGED", now)));
        fixtures.await(order.id(), OrderStatus.ALLOCATED);
        String stray = "STRAY-" + order.id();
        PaymentSession session = payments.start(new PaymentRequest(stray, Money.of("12.00", Money.CNY), "stray",
                "sandbox", null));
        sandbox.pay(session.providerPaymentId());
        payments.handleNotification("sandbox", java.util.Map.of("Content-Type", SandboxNotice.CONTENT_TYPE),
                sandbox.notifications(session.providerPaymentId()).getLast().body());

        OrderPaymentReconciliation ofTheStray = reconciliation.report(dayOf(payments.payment(session.paymentId()).paidAt()));
        OrderPaymentReconciliation ofTheOrder = reconciliation.report(dayOf(orders.detail(order.id()).paidAt()));

        assertThat(ofTheStray.consistent()).isFalse();
        assertThat(ofTheStray.findings()).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo(OrderPaymentReconciliation.Kind.CAPTURE_WITHOUT_PAID_ORDER);
            assertThat(f.orderNumber()).isEqualTo(stray);
            assertThat(f.paymentId()).isEqualTo(session.paymentId());
        });
        assertThat(ofTheOrder.findings()).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo(OrderPaymentReconciliation.Kind.PAID_WITHOUT_CAPTURE);
            assertThat(f.orderId()).isEqualTo(order.id());
        });
    }
}
