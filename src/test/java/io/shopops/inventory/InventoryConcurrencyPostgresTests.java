package io.shopops.inventory;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.shopops.catalog.SkuView;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.PageQuery;
import io.shopops.testing.PostgresTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many buyers at once on the machine's PostgreSQL: available stock never goes below zero, every success is
 * accounted for in reserved, and a reservation ends exactly once however its release, shipment and expiry race.
 */
@PostgresTest
@Import(InventoryTestConfiguration.class)
class InventoryConcurrencyPostgresTests {

    @Autowired
    Inventory inventory;
    @Autowired
    Reservations reservations;
    @Autowired
    InventoryFixtures fixtures;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    /** Runs every task on its own thread, all released at once by a start gate; returns their results in order. */
    static <T> List<T> race(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
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
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoHundredBuyersOfAHundredUnitsGetExactlyAHundredReservations() throws Exception {
        SkuView sku = fixtures.sku();
        WarehouseView warehouse = fixtures.warehouse();
        fixtures.stock(sku.id(), warehouse.id(), 100);
        List<Callable<String>> buyers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            buyers.add(() -> {
                try {
                    reservations.reserve(NewReservation.of(InventoryFixtures.unique("FLASH"),
                            new ReservationLine(sku.id(), warehouse.id(), 1)));
                    return "reserved";
                } catch (BusinessRuleException e) {
                    return e.code();
                }
            });
        }

        List<String> outcomes = race(buyers);

        assertThat(Collections.frequency(outcomes, "reserved")).isEqualTo(100);
        assertThat(Collections.frequency(outcomes, "insufficient-stock")).isEqualTo(100);
        StockLevel level = inventory.level(sku.id(), warehouse.id());
        assertThat(level.available()).isZero();
        assertThat(level.reserved()).isEqualTo(100);
        assertThat(inventory.reconcile().mismatches()).isEmpty();
    }

    @Test
    void randomMultiLineReservationsOverTwoThousandSkusNeverOversellAndAccountForEveryUnit() throws Exception {
        List<SkuView> skus = fixtures.skus(2_000, new BigDecimal("5.00"));
        WarehouseView east = fixtures.warehouse();
        WarehouseView south = fixtures.warehouse();
        Random random = new Random(20261121);
        Map<String, Long> initial = new HashMap<>();
        for (SkuView sku : skus) {
            int quantity = 1 + random.nextInt(8);
            fixtures.stock(sku.id(), east.id(), quantity);
            initial.put(sku.id() + "@" + east.id(), (long) quantity);
            if (random.nextInt(4) == 0) {
                fixtures.stock(sku.id(), south.id(), 2);
                initial.put(sku.id() + "@" + south.id(), 2L);
            }
        }
        // A tenth of the SKUs is hot: most lines go there, so buyers really collide.
        List<SkuView> hot = skus.subList(0, 200);
        Map<String, AtomicLong> reservedBySuccesses = new ConcurrentHashMap<>();
        AtomicInteger successes = new AtomicInteger();
        AtomicInteger refusals = new AtomicInteger();
        List<Callable<List<Throwable>>> buyers = new ArrayList<>();
        for (int t = 0; t < 48; t++) {
            long seed = random.nextLong();
            buyers.add(() -> {
                Random mine = new Random(seed);
                List<Throwable> unexpected = new ArrayList<>();
                for (int n = 0; n < 60; n++) {
                    List<ReservationLine> lines = new ArrayList<>();
                    int count = 1 + mine.nextInt(4);
                    for (int l = 0; l < count; l++) {
                        SkuView sku = mine.nextInt(10) < 7 ? hot.get(mine.nextInt(hot.size()))
                                : skus.get(mine.nextInt(skus.size()));
                        WarehouseView warehouse = mine.nextInt(4) == 0 ? south : east;
                        lines.add(new ReservationLine(sku.id(), warehouse.id(), 1 + mine.nextInt(3)));
                    }
                    try {
                        reservations.reserve(new NewReservation(InventoryFixtures.unique("MIX"), lines, null));
                        successes.incrementAndGet();
                        for (ReservationLine line : lines) {
                            reservedBySuccesses.computeIfAbsent(line.skuId() + "@" + line.warehouseId(),
                                    k -> new AtomicLong()).addAndGet(line.quantity());
                        }
                    } catch (BusinessRuleException e) {
                        refusals.incrementAndGet();
                    } catch (RuntimeException e) {
                        unexpected.add(e);
                    }
                }
                return unexpected;
            });
        }

        List<List<Throwable>> unexpected = race(buyers);

        assertThat(unexpected.stream().flatMap(List::stream).toList()).isEmpty();
        assertThat(successes.get() + refusals.get()).isEqualTo(48 * 60);
        assertThat(successes.get()).isPositive();
        assertThat(refusals.get()).isPositive();
        for (SkuView sku : skus) {
            for (WarehouseView warehouse : List.of(east, south)) {
                String key = sku.id() + "@" + warehouse.id();
                StockLevel level = inventory.level(sku.id(), warehouse.id());
                assertThat(level.available()).as(key).isGreaterThanOrEqualTo(0);
                assertThat(level.onHand()).as(key).isEqualTo(initial.getOrDefault(key, 0L));
                long expected = reservedBySuccesses.containsKey(key) ? reservedBySuccesses.get(key).get() : 0;
                assertThat(level.reserved()).as(key).isEqualTo(expected);
            }
        }
        assertThat(inventory.reconcile().mismatches()).isEmpty();
    }

    @Test
    void releaseShipmentAndExpiryRacingForTheSameReservationsCountOnce() throws Exception {
        SkuView sku = fixtures.sku();
        WarehouseView warehouse = fixtures.warehouse();
        fixtures.stock(sku.id(), warehouse.id(), 1_000);
        List<ReservationView> held = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            held.add(reservations.reserve(new NewReservation(InventoryFixtures.unique("RACE"),
                    List.of(new ReservationLine(sku.id(), warehouse.id(), 1 + i % 3)), Duration.ofMinutes(1))));
        }
        clock.advance(Duration.ofMinutes(2));
        Map<ReservationId, AtomicInteger> wins = new ConcurrentHashMap<>();
        List<Callable<Integer>> racers = new ArrayList<>();
        for (ReservationView reservation : held) {
            racers.add(() -> attempt(() -> reservations.release(reservation.id()), reservation.id(), wins));
            racers.add(() -> attempt(() -> reservations.ship(reservation.id()), reservation.id(), wins));
        }
        for (int i = 0; i < 4; i++) {
            racers.add(reservations::expireDue);
        }

        List<Integer> results = race(racers);

        int releasedOrShipped = results.subList(0, 120).stream().mapToInt(Integer::intValue).sum();
        int expired = results.subList(120, 124).stream().mapToInt(Integer::intValue).sum();
        long shippedUnits = 0;
        int shipped = 0;
        for (ReservationView reservation : held) {
            ReservationView now = reservations.reservation(reservation.id());
            assertThat(now.status()).isNotEqualTo(ReservationStatus.ACTIVE);
            assertThat(wins.getOrDefault(reservation.id(), new AtomicInteger()).get())
                    .as("calls that ended %s", reservation.id())
                    .isEqualTo(now.status() == ReservationStatus.EXPIRED ? 0 : 1);
            long closing = jdbc.sql("""
                    SELECT COUNT(*) FROM stock_movement
                    WHERE reservation_id = :id AND movement_type IN ('RELEASE', 'SHIP')""")
                    .param("id", reservation.id().value()).query(Long.class).single();
            assertThat(closing).as("closing entries of %s", reservation.id()).isEqualTo(1);
            if (now.status() == ReservationStatus.SHIPPED) {
                shipped++;
                shippedUnits += now.lines().getFirst().quantity();
            }
        }
        assertThat(releasedOrShipped + expired).isGreaterThanOrEqualTo(60);
        assertThat(inventory.level(sku.id(), warehouse.id()))
                .isEqualTo(new StockLevel(sku.id(), warehouse.id(), 1_000 - shippedUnits, 0));
        assertThat(inventory.movements(new MovementQuery(sku.id(), null, warehouse.id(), MovementType.SHIP, null, null,
                null), PageQuery.first(1)).totalItems()).isEqualTo(shipped);
        assertThat(inventory.reconcile().mismatches()).isEmpty();
    }

    private static int attempt(Runnable close, ReservationId id, Map<ReservationId, AtomicInteger> wins) {
        try {
            close.run();
            wins.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            return 1;
        } catch (BusinessRuleException refused) {
            assertThat(refused.code()).isEqualTo("reservation-not-active");
            return 0;
        }
    }
}
