package io.shopops.flashsale;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.shopops.catalog.SkuId;
import io.shopops.customer.CustomerId;
import io.shopops.testing.PostgresTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate under a crowd on PostgreSQL: thousands of attempts from 64 threads released at once against one hot
 * item row. Exactly the quota is given out, no customer holds more than the limit, and every customer's repeated
 * clicks get the same answer.
 */
@PostgresTest
@Import(FlashSaleTestConfiguration.class)
class FlashSaleConcurrencyPostgresTests {

    @Autowired
    FlashSaleGate gate;
    @Autowired
    FlashSales sales;
    @Autowired
    FlashSaleFixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    record Answer(CustomerId customer, Attempt attempt, int quantity) {

        Answer(CustomerId customer, Attempt attempt) {
            this(customer, attempt, 1);
        }
    }

    @Test
    void fiveThousandAttemptsOfAThousandCustomersForAQuotaOfOneHundredGetExactlyOneHundredUnits() throws Exception {
        SkuId sku = fixtures.sku("100.00", 1_000);
        FlashSaleView sale = fixtures.running(sku, "49.90", 100, 1);
        List<CustomerId> customers = fixtures.customers(1_000);
        List<Callable<Answer>> attempts = new ArrayList<>();
        for (CustomerId customer : customers) {
            for (int i = 0; i < 5; i++) {
                attempts.add(() -> new Answer(customer, gate.attempt(sale.id(), sku, customer, 1)));
            }
        }
        Collections.shuffle(attempts, new Random(42));
        List<Answer> answers = race(64, attempts);

        assertThat(answers).hasSize(5_000);
        Map<CustomerId, List<Attempt>> byCustomer = new HashMap<>();
        answers.forEach(a -> byCustomer.computeIfAbsent(a.customer(), c -> new ArrayList<>()).add(a.attempt()));
        int accepted = 0;
        for (Map.Entry<CustomerId, List<Attempt>> entry : byCustomer.entrySet()) {
            List<Attempt> five = entry.getValue();
            assertThat(five).hasSize(5);
            if (five.getFirst() instanceof Attempt.Accepted) {
                accepted++;
                // all five the same entitlement; exactly one of them decided it, four were answered with it
                assertThat(five).allSatisfy(a -> assertThat(a).isInstanceOf(Attempt.Accepted.class));
                assertThat(five.stream().map(a -> ((Attempt.Accepted) a).entitlement().id()).distinct()).hasSize(1);
                assertThat(five.stream().filter(a -> !((Attempt.Accepted) a).repeated())).hasSize(1);
                assertThat(((Attempt.Accepted) five.getFirst()).entitlement().customerId()).isEqualTo(entry.getKey());
            } else {
                assertThat(five).allSatisfy(a -> assertThat(a).isInstanceOfSatisfying(Attempt.Refused.class,
                        r -> assertThat(r.refusal()).isEqualTo(Attempt.Refusal.SOLD_OUT)));
            }
        }
        assertThat(accepted).isEqualTo(100);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM flash_entitlement WHERE session_id = :id")
                .param("id", sale.id().value()).query(Long.class).single()).isEqualTo(100);
        assertThat(jdbc.sql("SELECT SUM(quantity) FROM flash_entitlement WHERE session_id = :id")
                .param("id", sale.id().value()).query(Long.class).single()).isEqualTo(100);
        assertThat(jdbc.sql("SELECT MAX(n) FROM (SELECT customer_id, SUM(quantity) AS n FROM flash_entitlement"
                + " WHERE session_id = :id GROUP BY customer_id) per_customer")
                .param("id", sale.id().value()).query(Long.class).single()).isEqualTo(1);
        QuotaFigures figures = sales.figures(sale.id()).getFirst();
        assertThat(figures.taken()).isEqualTo(100);
        assertThat(figures.holding()).isEqualTo(100);
        assertThat(figures.remaining()).isZero();
    }

    @Test
    void customersAskingForDifferentQuantitiesNeverTakeMoreThanTheQuotaNorTheirLimit() throws Exception {
        SkuId sku = fixtures.sku("100.00", 1_000);
        FlashSaleView sale = fixtures.running(sku, "59.90", 100, 3);
        List<CustomerId> customers = fixtures.customers(300);
        Random random = new Random(7);
        List<Callable<Answer>> attempts = new ArrayList<>();
        for (CustomerId customer : customers) {
            for (int i = 0; i < 3; i++) {
                int quantity = 1 + random.nextInt(4); // 4 is over the limit
                attempts.add(() -> new Answer(customer, gate.attempt(sale.id(), sku, customer, quantity), quantity));
            }
        }
        Collections.shuffle(attempts, random);
        List<Answer> answers = race(64, attempts);

        long granted = answers.stream().filter(a -> a.attempt() instanceof Attempt.Accepted accepted
                && !accepted.repeated()).mapToLong(a -> ((Attempt.Accepted) a.attempt()).entitlement().quantity()).sum();
        QuotaFigures figures = sales.figures(sale.id()).getFirst();
        assertThat(figures.taken()).isEqualTo((int) granted).isLessThanOrEqualTo(100);
        // never refused for lack of units while enough were left (units only ever went, none came back)
        assertThat(answers).filteredOn(a -> a.attempt() instanceof Attempt.Refused refused
                && refused.refusal() == Attempt.Refusal.SOLD_OUT)
                .allSatisfy(a -> assertThat(a.quantity()).isGreaterThan(figures.remaining()));
        assertThat(answers).filteredOn(a -> a.attempt() instanceof Attempt.Refused refused
                && refused.refusal() == Attempt.Refusal.LIMIT_REACHED)
                .allSatisfy(a -> assertThat(a.quantity()).isEqualTo(4));
        assertThat(jdbc.sql("SELECT SUM(quantity) FROM flash_entitlement WHERE session_id = :id")
                .param("id", sale.id().value()).query(Long.class).single()).isEqualTo(granted);
        assertThat(jdbc.sql("SELECT MAX(quantity) FROM flash_entitlement WHERE session_id = :id")
                .param("id", sale.id().value()).query(Long.class).single()).isLessThanOrEqualTo(3);
        assertThat(answers).filteredOn(a -> a.attempt() instanceof Attempt.Refused)
                .extracting(a -> ((Attempt.Refused) a.attempt()).refusal())
                .containsOnly(Attempt.Refusal.SOLD_OUT, Attempt.Refusal.LIMIT_REACHED);
    }

    private static <T> List<T> race(int threads, List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(300, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
