package io.shopops.inventory;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.shopops.catalog.SkuId;
import io.shopops.catalog.SkuView;
import io.shopops.shared.BusinessRuleException;
import io.shopops.testing.PostgresTest;
import io.shopops.testing.ShopOpsTest;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reservation throughput through the {@link Reservations} facade: client threads reserve one unit and release it
 * again, for a fixed time after a warm-up, spread over 10,000 SKUs and on one hot SKU. Reports attempts/s and
 * successes/s of the reservations, the reserve+release pairs/s, and reserve latency percentiles (HdrHistogram),
 * then proves there was no oversell (reconciliation, available ≥ 0, nothing left reserved).
 *
 * <p>Not a test of the normal build: {@code ./mvnw -B -Pbenchmark test -Dtest=ReservationBenchmark}. Settings:
 * {@code -Dbenchmark.threads=16 -Dbenchmark.seconds=20 -Dbenchmark.warmup=5 -Dbenchmark.runs=3}. Results are
 * appended to {@code target/benchmark/reservations.txt}.
 */
@Tag("benchmark")
class ReservationBenchmark {

    static final int SKUS = 10_000;
    static final int UNITS_PER_SKU = 1_000;
    static final int HOT_UNITS = 100_000;

    static int setting(String name, int fallback) {
        return Integer.getInteger("benchmark." + name, fallback);
    }

    @Import(InventoryTestConfiguration.class)
    abstract static class Scenarios {

        @Autowired
        Inventory inventory;
        @Autowired
        Reservations reservations;
        @Autowired
        InventoryFixtures fixtures;
        @Autowired
        JdbcClient jdbc;
        @Value("${spring.datasource.hikari.maximum-pool-size:10}")
        int poolSize;

        abstract String database();

        @Test
        void reserveAndReleaseSpreadOverTenThousandSkusAndOnOneHotSku() throws Exception {
            WarehouseView warehouse = fixtures.warehouse();
            List<SkuView> skus = fixtures.skus(SKUS, new BigDecimal("9.90"));
            for (SkuView sku : skus) {
                fixtures.stock(sku.id(), warehouse.id(), UNITS_PER_SKU);
            }
            SkuView hot = fixtures.sku();
            fixtures.stock(hot.id(), warehouse.id(), HOT_UNITS);
            List<SkuId> spread = skus.stream().map(SkuView::id).toList();
            List<SkuId> single = List.of(hot.id());

            int runs = setting("runs", 3);
            for (int run = 1; run <= runs; run++) {
                report(run, "spread over " + SKUS + " SKUs", measure(spread, warehouse.id()));
                report(run, "one hot SKU", measure(single, warehouse.id()));
            }
        }

        record Result(int threads, double seconds, long attempts, long successes, long pairs, Histogram reserve,
                Histogram release, long rowsChecked) {
        }

        Result measure(List<SkuId> skus, WarehouseId warehouse) throws Exception {
            int threads = setting("threads", 16);
            long warmupNanos = TimeUnit.SECONDS.toNanos(setting("warmup", 5));
            long measureNanos = TimeUnit.SECONDS.toNanos(setting("seconds", 20));
            AtomicLong attempts = new AtomicLong();
            AtomicLong successes = new AtomicLong();
            AtomicLong pairs = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Histogram[]>> futures = new ArrayList<>();
            long[] window = new long[2];
            for (int t = 0; t < threads; t++) {
                int client = t;
                futures.add(pool.submit(() -> {
                    Histogram reserve = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
                    Histogram release = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
                    start.await();
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    long n = 0;
                    while (true) {
                        long now = System.nanoTime();
                        if (now >= window[1]) {
                            break;
                        }
                        boolean measured = now >= window[0];
                        SkuId sku = skus.get(random.nextInt(skus.size()));
                        String reference = "B" + client + "-" + Instant.now().toEpochMilli() + "-" + n++;
                        ReservationView held = null;
                        long began = System.nanoTime();
                        try {
                            held = reservations.reserve(NewReservation.of(reference,
                                    new ReservationLine(sku, warehouse, 1)));
                        } catch (BusinessRuleException refused) {
                            // counted as an attempt without success
                        }
                        long reserved = System.nanoTime();
                        if (held != null) {
                            reservations.release(held.id());
                        }
                        long released = System.nanoTime();
                        if (measured) {
                            attempts.incrementAndGet();
                            reserve.recordValue(reserved - began);
                            if (held != null) {
                                successes.incrementAndGet();
                                pairs.incrementAndGet();
                                release.recordValue(released - reserved);
                            }
                        }
                    }
                    return new Histogram[] { reserve, release };
                }));
            }
            window[0] = System.nanoTime() + warmupNanos;
            window[1] = window[0] + measureNanos;
            start.countDown();
            Histogram reserve = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
            Histogram release = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
            for (Future<Histogram[]> future : futures) {
                Histogram[] h = future.get(10, TimeUnit.MINUTES);
                reserve.add(h[0]);
                release.add(h[1]);
            }
            pool.shutdown();

            // The correctness gate of the same run: no oversell, nothing left held, ledger and stock agree.
            ReconciliationReport report = inventory.reconcile();
            assertThat(report.mismatches()).isEmpty();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM stock WHERE on_hand - reserved < 0 OR reserved <> 0")
                    .query(Long.class).single()).isZero();
            return new Result(threads, measureNanos / 1e9, attempts.get(), successes.get(), pairs.get(), reserve,
                    release, report.rowsChecked());
        }

        void report(int run, String scenario, Result r) throws IOException {
            String line = ("%s | run %d | %-24s | threads %d | pool %d | attempts/s %.0f | successes/s %.0f | pairs/s %.0f"
                    + " | reserve p50 %.2f ms p95 %.2f ms p99 %.2f ms max %.1f ms | release p99 %.2f ms"
                    + " | reconciled %d rows, 0 mismatches, available >= 0%n").formatted(database(), run, scenario,
                    r.threads(), poolSize, r.attempts() / r.seconds(), r.successes() / r.seconds(),
                    r.pairs() / r.seconds(), ms(r.reserve().getValueAtPercentile(50)),
                    ms(r.reserve().getValueAtPercentile(95)), ms(r.reserve().getValueAtPercentile(99)),
                    ms(r.reserve().getMaxValue()), ms(r.release().getValueAtPercentile(99)), r.rowsChecked());
            System.out.print(line);
            Path file = Path.of("target", "benchmark", "reservations.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }

        static double ms(long nanos) {
            return nanos / 1e6;
        }
    }

    @Nested
    @PostgresTest
    @Import(InventoryTestConfiguration.class)
    class OnPostgres extends Scenarios {

        @Override
        String database() {
            return "PostgreSQL";
        }
    }

    @Nested
    @ShopOpsTest
    @Import(InventoryTestConfiguration.class)
    class OnH2 extends Scenarios {

        @Override
        String database() {
            return "H2 (in memory)";
        }
    }
}
