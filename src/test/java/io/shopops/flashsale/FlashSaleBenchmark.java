package io.shopops.flashsale;

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
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import io.shopops.catalog.SkuId;
import io.shopops.customer.CustomerId;
import io.shopops.testing.CustomerFixtures;
import io.shopops.testing.PostgresDatabase;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flash-sale decisions on one hot SKU, PostgreSQL 15, app, load generator and database on this machine.
 *
 * <ol>
 * <li><b>HTTP, open model</b>: attempts arrive at fixed rates ({@code -Dbenchmark.rates=2000,5000,10000,20000})
 * whatever the answers, each by a random one of the signed-in customers (so repeats happen, as with real clicks),
 * through {@code POST /api/v1/store/flash-sales/{id}/items/{sku}/attempts} with the customer's bearer token (checked
 * per request). Latency from the intended send time (HdrHistogram; no coordinated omission). Each rate gets its own
 * session and SKU with a fresh quota, so every run sells out. Reported: attempts/s offered and answered, decisions/s
 * (201 accepted, 200 repeat, 422 refused), successes (201) and the accepts/s while units were left, p50/p99/p99.9,
 * errors.</li>
 * <li><b>In process</b>: the gate alone ({@link FlashSaleGate#attempt}), closed model with
 * {@code -Dbenchmark.threads} threads, random customers, one fresh session.</li>
 * </ol>
 * The correctness gate after each run: successes = quota, and the database agrees (rows, Σ quantity, taken).
 *
 * <p>{@code ./mvnw -B -Pbenchmark test -Dtest=FlashSaleBenchmark} with {@code -Dbenchmark.seconds=10
 * -Dbenchmark.quota=1000 -Dbenchmark.customers=1500}; results are appended to
 * {@code target/benchmark/flashsale.txt}. The per-customer attempt limit (a bot guard) is off here
 * ({@code -Dbenchmark.throttle=0}) since a few thousand customers make all the load.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = PostgresDatabase.Initializer.class)
@Import(FlashSaleTestConfiguration.class)
class FlashSaleBenchmark {

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("shopops.flashsale.attempts-per-second", () -> Integer.getInteger("benchmark.throttle", 0));
        // keep-alive connections as behind a load balancer (Tomcat's default closes one after 100 requests)
        registry.add("server.tomcat.max-keep-alive-requests", () -> -1);
        registry.add("logging.level.io.shopops", () -> "WARN");
    }

    @LocalServerPort
    int port;
    @Autowired
    FlashSaleFixtures fixtures;
    @Autowired
    FlashSaleGate gate;
    @Autowired
    FlashSales sales;
    @Autowired
    CustomerFixtures customerFixtures;
    @Autowired
    JdbcClient jdbc;
    @Value("${spring.datasource.hikari.maximum-pool-size:10}")
    int poolSize;

    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor())
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    record Shopper(CustomerId id, String bearer) {
    }

    @Test
    void flashSaleDecisionsPerSecondOverHttpAndInProcess() throws Exception {
        int seconds = Integer.getInteger("benchmark.seconds", 10);
        int quota = Integer.getInteger("benchmark.quota", 1_000);
        int customerCount = Integer.getInteger("benchmark.customers", 1_500);
        List<Integer> rates = new ArrayList<>();
        for (String rate : System.getProperty("benchmark.rates", "2000,5000,10000,20000").split(",")) {
            rates.add(Integer.parseInt(rate.trim()));
        }
        long setup = System.nanoTime();
        List<Shopper> shoppers = shoppers(customerCount);
        write("setup: %d signed-in customers in %.0f s (Argon2 sign-up and sign-in each)".formatted(shoppers.size(),
                (System.nanoTime() - setup) / 1e9));

        open(shoppers, 1_000, 3, quota); // warm-up: JIT, connections, pool
        for (int rate : rates) {
            Run run = open(shoppers, rate, seconds, quota);
            write(run.describe());
            assertThat(run.gate()).as(run.describe()).isTrue();
        }
        List<CustomerId> many = fixtures.customers(Integer.getInteger("benchmark.inprocess.customers", 20_000));
        inProcess(many, Integer.getInteger("benchmark.threads", 16), 3, quota); // warm-up
        Run alone = inProcess(many, Integer.getInteger("benchmark.threads", 16), seconds, quota);
        write(alone.describe());
        assertThat(alone.gate()).as(alone.describe()).isTrue();
    }

    // --- HTTP, open model -------------------------------------------------------------------------------------

    private Run open(List<Shopper> shoppers, int rate, int seconds, int quota) throws InterruptedException {
        FlashSaleView sale = fixtures.running(fixtures.sku("199.00", quota * 2), "99.00", quota, 1);
        SkuId sku = sale.items().getFirst().skuId();
        URI uri = URI.create("http://localhost:%d/api/v1/store/flash-sales/%d/items/%d/attempts".formatted(port,
                sale.id().value(), sku.value()));
        Counters counters = new Counters();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long total = (long) rate * seconds;
        long begin = System.nanoTime();
        CountDownLatch done = new CountDownLatch((int) total);
        for (long i = 0; i < total; i++) {
            long intended = begin + i * interval;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Shopper shopper = shoppers.get(ThreadLocalRandom.current().nextInt(shoppers.size()));
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Authorization", shopper.bearer()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"quantity\":1}")).build();
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                counters.record(failure == null ? response.statusCode() : -1, intended);
                done.countDown();
            });
        }
        long offeredNanos = System.nanoTime() - begin;
        done.await(120, TimeUnit.SECONDS);
        long answeredNanos = System.nanoTime() - begin;
        return new Run("HTTP open %,d/s offered".formatted(rate), total, offeredNanos, answeredNanos, counters,
                quota, check(sale, quota), begin);
    }

    // --- in process, closed model -----------------------------------------------------------------------------

    private Run inProcess(List<CustomerId> customers, int threads, int seconds, int quota)
            throws InterruptedException {
        FlashSaleView sale = fixtures.running(fixtures.sku("199.00", quota * 2), "99.00", quota, 1);
        SkuId sku = sale.items().getFirst().skuId();
        Counters counters = new Counters();
        AtomicLong attempts = new AtomicLong();
        long begin = System.nanoTime();
        long end = begin + TimeUnit.SECONDS.toNanos(seconds);
        CountDownLatch done = new CountDownLatch(threads);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        CustomerId customer = customers.get(random.nextInt(customers.size()));
                        int status;
                        try {
                            status = switch (gate.attempt(sale.id(), sku, customer, 1)) {
                                case Attempt.Accepted accepted -> accepted.repeated() ? 200 : 201;
                                case Attempt.Refused refused -> 422;
                            };
                        } catch (RuntimeException e) {
                            status = -1;
                        }
                        counters.record(status, start);
                        attempts.incrementAndGet();
                    }
                    done.countDown();
                });
            }
            done.await();
        }
        long elapsed = System.nanoTime() - begin;
        return new Run("in process, %d threads (closed)".formatted(threads), attempts.get(), elapsed, elapsed,
                counters, quota, check(sale, quota), begin);
    }

    // --- figures ----------------------------------------------------------------------------------------------

    static final class Counters {
        final Histogram latency = new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(60), 3);
        final LongAdder accepted = new LongAdder();
        final LongAdder repeated = new LongAdder();
        final LongAdder refused = new LongAdder();
        final LongAdder throttled = new LongAdder();
        final LongAdder errors = new LongAdder();
        final ConcurrentLinkedQueue<Long> acceptedAt = new ConcurrentLinkedQueue<>();

        void record(int status, long intended) {
            long now = System.nanoTime();
            latency.recordValue(Math.min(now - intended, TimeUnit.SECONDS.toNanos(60)));
            switch (status) {
                case 201 -> {
                    accepted.increment();
                    acceptedAt.add(now);
                }
                case 200 -> repeated.increment();
                case 422 -> refused.increment();
                case 429 -> throttled.increment();
                default -> errors.increment();
            }
        }
    }

    record Run(String name, long attempts, long offeredNanos, long answeredNanos, Counters counters, int quota,
            String database, long begin) {

        boolean gate() {
            return counters.accepted.sum() == quota && database.startsWith("ok");
        }

        String describe() {
            Histogram h = counters.latency;
            long decisions = counters.accepted.sum() + counters.repeated.sum() + counters.refused.sum();
            List<Long> times = new ArrayList<>(counters.acceptedAt);
            Collections.sort(times);
            double selling = times.size() < 2 ? 0 : (times.getLast() - begin) / 1e9;
            return ("%-34s | attempts %,d sent in %.1f s (%,.0f/s), answered in %.1f s: %,.0f attempts/s answered,"
                    + " %,.0f decisions/s | accepted %,d"
                    + " (= quota %,d: %s), all accepted within %.2f s = %,.0f successes/s | repeats %,d, refused %,d,"
                    + " 429 %,d, errors %,d | p50 %.1f ms p99 %.1f ms p99.9 %.1f ms max %.1f ms | db %s")
                    .formatted(name, attempts, offeredNanos / 1e9, attempts / (offeredNanos / 1e9), answeredNanos / 1e9,
                            attempts / (answeredNanos / 1e9),
                            decisions / (answeredNanos / 1e9), counters.accepted.sum(), quota,
                            counters.accepted.sum() == quota ? "yes" : "NO", selling,
                            selling == 0 ? 0 : counters.accepted.sum() / selling, counters.repeated.sum(),
                            counters.refused.sum(), counters.throttled.sum(), counters.errors.sum(),
                            h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(99) / 1e6,
                            h.getValueAtPercentile(99.9) / 1e6, h.getMaxValue() / 1e6, database);
        }
    }

    /** The database's view of the session: entitlement rows, Σ quantity and the item's taken all equal the quota. */
    private String check(FlashSaleView sale, int quota) {
        long rows = jdbc.sql("SELECT COUNT(*) FROM flash_entitlement WHERE session_id = :id")
                .param("id", sale.id().value()).query(Long.class).single();
        long units = jdbc.sql("SELECT COALESCE(SUM(quantity), 0) FROM flash_entitlement WHERE session_id = :id")
                .param("id", sale.id().value()).query(Long.class).single();
        int taken = sales.figures(sale.id()).getFirst().taken();
        boolean ok = rows == quota && units == quota && taken == quota;
        return "%s (rows %d, units %d, taken %d)".formatted(ok ? "ok" : "MISMATCH", rows, units, taken);
    }

    /** Customers signed up and signed in as the storefront does it (two Argon2 hashes each), a few at a time. */
    private List<Shopper> shoppers(int count) throws InterruptedException {
        ConcurrentLinkedQueue<Shopper> shoppers = new ConcurrentLinkedQueue<>();
        Semaphore parallel = new Semaphore(4);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                threads.submit(() -> {
                    parallel.acquireUninterruptibly();
                    try {
                        CustomerFixtures.SignedIn signedIn = customerFixtures.signedIn();
                        shoppers.add(new Shopper(signedIn.view().id(), signedIn.bearer()));
                    } finally {
                        parallel.release();
                    }
                });
            }
        }
        return new ArrayList<>(shoppers);
    }

    private void write(String line) {
        String withPool = line + " | pool " + poolSize;
        System.out.println(withPool);
        try {
            Path file = Path.of("target/benchmark/flashsale.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, withPool + System.lineSeparator(), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
