package io.shopops.ordering;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import io.shopops.catalog.SkuId;
import io.shopops.inventory.Inventory;
import io.shopops.inventory.WarehouseView;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import io.shopops.testing.PostgresDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checkout throughput over HTTP on PostgreSQL, app, load and database on this machine: orders of 3 lines, each
 * with its idempotency record, order rows, one stock reservation and its outbox event.
 *
 * <ol>
 * <li><b>closed model</b> at 16 and at 1,000 concurrent clients (each sends its next checkout when the last is
 * answered): orders/s, and whether 1,000 clients keep ≥ 90 % of the throughput of 16;</li>
 * <li><b>open model</b>: checkouts arrive at a fixed rate whatever the answers (default 70 % of the 16-client
 * throughput), latency measured from the intended send time (no coordinated omission): p50/p99, error rate.</li>
 * </ol>
 * Afterwards the correctness gate: the inventory reconciles, nothing oversold, reserved = ordered units.
 *
 * <p>{@code ./mvnw -B -Pbenchmark test -Dtest=CheckoutBenchmark} with {@code -Dbenchmark.seconds=20
 * -Dbenchmark.rate=N -Dspring.datasource.hikari.maximum-pool-size=10}; results are appended to
 * {@code target/benchmark/checkout.txt}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = PostgresDatabase.Initializer.class)
@Import(OrderingTestConfiguration.class)
class CheckoutBenchmark {

    static final int SKUS = 600;
    static final int SHOPPERS = 400;

    @LocalServerPort
    int port;
    @Autowired
    OrderFixtures fixtures;
    @Autowired
    Inventory inventory;
    @Autowired
    JdbcClient jdbc;
    @Value("${spring.datasource.hikari.maximum-pool-size:10}")
    int poolSize;

    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor())
            .connectTimeout(Duration.ofSeconds(5)).build();
    private List<SkuId> skus;
    private List<OrderFixtures.Shopper> shoppers;

    @Test
    void checkoutThroughputAndLatency() throws Exception {
        int seconds = Integer.getInteger("benchmark.seconds", 20);
        skus = fixtures.skus(SKUS, "29.90");
        WarehouseView warehouse = fixtures.warehouse("华东");
        for (SkuId sku : skus) {
            fixtures.stock(sku, warehouse, 1_000_000);
        }
        shoppers = new ArrayList<>();
        for (int i = 0; i < SHOPPERS; i++) {
            shoppers.add(fixtures.shopper("上海市"));
        }
        closed(16, 5); // warm-up
        Run sixteen = closed(16, seconds);
        Run thousand = closed(1_000, seconds);
        int rate = Integer.getInteger("benchmark.rate", (int) Math.max(10, sixteen.ordersPerSecond() * 0.7));
        Run open = open(rate, seconds);

        long reserved = jdbc.sql("SELECT COALESCE(SUM(reserved), 0) FROM stock").query(Long.class).single();
        long ordered = jdbc.sql("""
                SELECT COALESCE(SUM(l.quantity), 0) FROM order_line l JOIN shop_order o ON o.id = l.order_id
                WHERE o.status = 'PENDING_PAYMENT'""").query(Long.class).single();
        boolean reconciled = inventory.reconcile().consistent();
        long negative = jdbc.sql("SELECT COUNT(*) FROM stock WHERE on_hand - reserved < 0").query(Long.class).single();
        String gate = "reconciled %s, reserved %d = ordered %d, rows below zero %d".formatted(reconciled, reserved,
                ordered, negative);
        write(sixteen.describe("closed, 16 clients") + " | " + gate);
        write(thousand.describe("closed, 1000 clients") + " | keeps %.0f %% of 16 clients"
                .formatted(100.0 * thousand.ordersPerSecond() / sixteen.ordersPerSecond()));
        write(open.describe("open, %d/s offered".formatted(rate)));
        assertThat(reconciled).isTrue();
        assertThat(negative).isZero();
        assertThat(reserved).isEqualTo(ordered);
    }

    record Run(double seconds, long ok, long failed, Histogram latency, int pool) {

        double ordersPerSecond() {
            return ok / seconds;
        }

        String describe(String name) {
            return "%-22s | pool %d | orders/s %6.0f | errors %d (%.2f %%) | p50 %.1f ms p95 %.1f ms p99 %.1f ms max %.1f ms"
                    .formatted(name, pool, ordersPerSecond(), failed, 100.0 * failed / Math.max(1, ok + failed),
                            latency.getValueAtPercentile(50) / 1e6, latency.getValueAtPercentile(95) / 1e6,
                            latency.getValueAtPercentile(99) / 1e6, latency.getMaxValue() / 1e6);
        }
    }

    private Run closed(int clients, int seconds) throws InterruptedException {
        Histogram latency = new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(60), 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        CountDownLatch done = new CountDownLatch(clients);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                threads.submit(() -> {
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        record(checkout(), start, latency, ok, failed);
                    }
                    done.countDown();
                });
            }
            done.await();
        }
        return new Run(seconds, ok.get(), failed.get(), latency, poolSize);
    }

    private Run open(int rate, int seconds) throws InterruptedException {
        Histogram latency = new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(60), 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long begin = System.nanoTime();
        long total = (long) rate * seconds;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < total; i++) {
                long intended = begin + i * interval;
                long wait = intended - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                threads.submit(() -> record(checkout(), intended, latency, ok, failed));
            }
        }
        return new Run(seconds, ok.get(), failed.get(), latency, poolSize);
    }

    private static void record(int status, long start, Histogram latency, AtomicLong ok, AtomicLong failed) {
        latency.recordValue(Math.min(System.nanoTime() - start, TimeUnit.SECONDS.toNanos(60)));
        if (status == 201) {
            ok.incrementAndGet();
        } else {
            failed.incrementAndGet();
        }
    }

    /** One 3-line checkout by a random shopper, with a fresh Idempotency-Key. */
    private int checkout() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        OrderFixtures.Shopper shopper = shoppers.get(random.nextInt(shoppers.size()));
        int first = random.nextInt(skus.size() - 2);
        String body = """
                {"lines": [{"skuId": %d, "quantity": %d}, {"skuId": %d, "quantity": 1}, {"skuId": %d, "quantity": 2}],
                 "addressId": %d, "channel": "APP"}""".formatted(skus.get(first).value(), 1 + random.nextInt(2),
                skus.get(first + 1).value(), skus.get(first + 2).value(), shopper.addressId().value());
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/store/checkout"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", shopper.bearer())
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    private static void write(String line) {
        System.out.println(line);
        try {
            Path file = Path.of("target/benchmark/checkout.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
