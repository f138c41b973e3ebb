package io.shopops.aftersales;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.shopops.ordering.OrderDetail;
import io.shopops.ordering.Orders;
import io.shopops.payment.PaymentId;
import io.shopops.payment.Payments;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.Money;
import io.shopops.testing.PostgresTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.shopops.aftersales.AfterSalesFixtures.amount;
import static io.shopops.aftersales.AfterSalesFixtures.refundOnly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Refunds can never exceed what a line paid, however many requests and decisions race: on PostgreSQL, with real
 * threads released at once, through the whole path to the payment provider.
 */
@PostgresTest
@Import(AfterSalesTestConfiguration.class)
class AfterSalesConcurrencyPostgresTests {

    @Autowired
    AfterSalesRequests customers;
    @Autowired
    AfterSales staff;
    @Autowired
    AfterSalesFixtures fixtures;
    @Autowired
    Orders orders;
    @Autowired
    Payments payments;
    @Autowired
    JdbcClient jdbc;

    @Test
    void twentyFourRacingRequestsForTenOnALineThatPaidOneHundredFiftyGetFifteenAndTheRefundsAddUpExactly()
            throws Exception {
        AfterSalesFixtures.Bought bought = fixtures.delivered();
        List<Callable<Object>> asks = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            asks.add(() -> {
                try {
                    return customers.request(bought.shopper().id(), bought.order().id(), null,
                            refundOnly(AfterSalesReason.QUALITY_ISSUE, amount(1, "10.00")));
                } catch (BusinessRuleException refused) {
                    return refused.code();
                }
            });
        }
        List<Object> answers = race(24, asks);

        List<AfterSalesView> opened = answers.stream().filter(AfterSalesView.class::isInstance)
                .map(AfterSalesView.class::cast).toList();
        assertThat(opened).hasSize(15);
        assertThat(answers).filteredOn(String.class::isInstance).containsOnly("refund-exceeds-paid").hasSize(9);
        assertThat(claimed(bought)).isEqualByComparingTo("150.00");

        // every request approved at once: fifteen refunds at the provider, one per request, 150.00 in all
        race(8, opened.stream().<Callable<Object>>map(r -> () -> staff.approve(r.id(), null)).toList());
        await().atMost(Duration.ofSeconds(60)).until(() -> opened.stream()
                .allMatch(r -> staff.request(r.id()).status() == AfterSalesStatus.REFUNDED));
        OrderDetail order = await().atMost(Duration.ofSeconds(30)).until(() -> orders.detail(bought.order().id()),
                o -> o.refundedAmount().equals(Money.of("150.00", Money.CNY)));
        assertThat(order.refunds()).hasSize(15);
        assertThat(order.lines().getFirst().refundedAmount()).isEqualTo(Money.of("150.00", Money.CNY));
        assertThat(payments.payment(new PaymentId(order.payments().getFirst().paymentId())).refundedAmount())
                .isEqualTo(Money.of("150.00", Money.CNY));
    }

    @Test
    void anApprovalAndARejectionRacingForOneRequestEndItOnce() throws Exception {
        AfterSalesFixtures.Bought bought = fixtures.delivered();
        List<AfterSalesView> requests = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            requests.add(customers.request(bought.shopper().id(), bought.order().id(), null,
                    refundOnly(AfterSalesReason.QUALITY_ISSUE, amount(2, "8.00"))));
        }
        List<Callable<Object>> decisions = new ArrayList<>();
        for (AfterSalesView request : requests) {
            decisions.add(() -> attempt(() -> staff.approve(request.id(), null)));
            decisions.add(() -> attempt(() -> staff.reject(request.id(), "duplicate")));
        }
        List<Object> outcomes = race(20, decisions);

        assertThat(outcomes).filteredOn(AfterSalesView.class::isInstance).hasSize(10);
        assertThat(outcomes).filteredOn(String.class::isInstance).containsOnly("illegal-transition").hasSize(10);
        long approved = requests.stream().filter(r -> staff.request(r.id()).status() != AfterSalesStatus.REJECTED)
                .count();
        // what the rejected gave back and the approved kept add up to the line's claims
        assertThat(claimed(bought, 2)).isEqualByComparingTo(new BigDecimal("8.00").multiply(BigDecimal.valueOf(approved)));
    }

    private static Object attempt(Callable<AfterSalesView> decision) throws Exception {
        try {
            return decision.call();
        } catch (BusinessRuleException refused) {
            return refused.code();
        }
    }

    private BigDecimal claimed(AfterSalesFixtures.Bought bought) {
        return claimed(bought, 1);
    }

    private BigDecimal claimed(AfterSalesFixtures.Bought bought, int lineNo) {
        return Objects.requireNonNull(jdbc.sql(
                "SELECT claimed_amount FROM order_line WHERE order_id = :order AND line_no = :line")
                .param("order", bought.order().id().value()).param("line", lineNo).query(BigDecimal.class).single());
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
