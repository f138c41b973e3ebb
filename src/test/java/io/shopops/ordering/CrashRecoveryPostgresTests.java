package io.shopops.ordering;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.shopops.catalog.SkuId;
import io.shopops.inventory.Inventory;
import io.shopops.inventory.WarehouseView;
import io.shopops.testing.PostgresTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No acknowledged order is lost: ShopOps runs as its own process on this test's PostgreSQL database, takes a
 * checkout load, and is killed with SIGKILL (kill -9) in the middle of it. After a restart, every checkout that
 * was answered 201 exists with its reservations held; no reservation exists without its order; the inventory
 * reconciliation is clean; and retrying the checkouts that got no answer, with their Idempotency-Keys, never
 * makes a second order.
 */
@PostgresTest
@Import(OrderingTestConfiguration.class)
class CrashRecoveryPostgresTests {

    private static final Pattern ORDER_NUMBER = Pattern.compile("\"orderNumber\":\"([A-Z0-9]+)\"");

    @Autowired
    OrderFixtures fixtures;
    @Autowired
    Inventory inventory;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment environment;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    record Attempt(OrderFixtures.Shopper shopper, String key, String body) {
    }

    @Test
    void everyAnsweredCheckoutSurvivesAKillNineAndNothingIsHeldWithoutAnOrder() throws Exception {
        List<SkuId> skus = fixtures.skus(20, "19.90");
        WarehouseView east = fixtures.warehouse("华东");
        for (SkuId sku : skus) {
            fixtures.stock(sku, east, 100_000);
        }
        List<OrderFixtures.Shopper> shoppers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            shoppers.add(fixtures.shopper("上海市"));
        }

        int port = freePort();
        Process app = start(port, 1);
        Map<String, String> acknowledged = new ConcurrentHashMap<>(); // key -> order number
        Set<Attempt> unanswered = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger sent = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            for (int c = 0; c < 8; c++) {
                clients.submit(() -> {
                    while (running.get()) {
                        OrderFixtures.Shopper shopper = shoppers.get(ThreadLocalRandom.current().nextInt(shoppers.size()));
                        SkuId sku = skus.get(ThreadLocalRandom.current().nextInt(skus.size()));
                        Attempt attempt = new Attempt(shopper, UUID.randomUUID().toString(), """
                                {"lines": [{"skuId": %d, "quantity": %d}], "addressId": %d, "channel": "WEB"}
                                """.formatted(sku.value(), 1 + ThreadLocalRandom.current().nextInt(3),
                                shopper.addressId().value()));
                        sent.incrementAndGet();
                        try {
                            HttpResponse<String> response = checkout(port, attempt);
                            if (response.statusCode() == 201) {
                                acknowledged.put(attempt.key(), orderNumber(response.body()));
                            } else if (response.statusCode() >= 500) {
                                unanswered.add(attempt);
                            }
                        } catch (IOException | InterruptedException dropped) {
                            unanswered.add(attempt);
                        }
                    }
                    return null;
                });
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> acknowledged.size() >= 150);
            app.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful close of the pool
            app.waitFor(30, TimeUnit.SECONDS);
            running.set(false);
        } finally {
            clients.shutdown();
            clients.awaitTermination(30, TimeUnit.SECONDS);
            app.destroyForcibly();
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(150);
        assertThat(unanswered).as("the kill came in the middle of checkouts").isNotEmpty();
        System.out.printf("crash test: %d checkouts sent, %d answered 201, %d cut off by the kill%n",
                sent.get(), acknowledged.size(), unanswered.size());

        Process restarted = start(port, 2);
        try {
            for (Map.Entry<String, String> answered : acknowledged.entrySet()) {
                assertThat(status(answered.getValue())).as("order %s was answered 201", answered.getValue())
                        .isEqualTo("PENDING_PAYMENT");
                assertThat(activeReservations(answered.getValue())).as("its stock is held").isPositive();
            }
            assertThat(jdbc.sql("""
                    SELECT COUNT(*) FROM reservation r WHERE r.status = 'ACTIVE' AND NOT EXISTS
                        (SELECT 1 FROM shop_order o WHERE r.reference LIKE o.order_no || '/%')
                    """).query(Long.class).single()).as("reservations without an order").isZero();
            assertThat(inventory.reconcile().consistent()).isTrue();

            // a client that got no answer retries with the same key: at most one order per key, ever
            long ordersBefore = orders();
            int retried = 0;
            for (Attempt attempt : List.copyOf(unanswered)) {
                HttpResponse<String> again = checkout(port, attempt);
                assertThat(again.statusCode()).as(again.body()).isIn(201, 409, 422);
                retried++;
            }
            assertThat(orders() - ordersBefore).isLessThanOrEqualTo(retried);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM idempotency_record").query(Long.class).single())
                    .isEqualTo(orders());
            assertThat(inventory.reconcile().consistent()).isTrue();
        } finally {
            restarted.destroyForcibly();
            restarted.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private HttpResponse<String> checkout(int port, Attempt attempt) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/store/checkout"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", attempt.shopper().bearer())
                .header("Idempotency-Key", attempt.key())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(attempt.body())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String orderNumber(String body) {
        Matcher matcher = ORDER_NUMBER.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("No order number in " + body);
        }
        return matcher.group(1);
    }

    private String status(String orderNumber) {
        return jdbc.sql("SELECT status FROM shop_order WHERE order_no = :no").param("no", orderNumber)
                .query(String.class).optional().orElse("MISSING");
    }

    private long activeReservations(String orderNumber) {
        return jdbc.sql("SELECT COUNT(*) FROM reservation WHERE reference LIKE :prefix AND status = 'ACTIVE'")
                .param("prefix", orderNumber + "/%").query(Long.class).single();
    }

    private long orders() {
        return jdbc.sql("SELECT COUNT(*) FROM shop_order").query(Long.class).single();
    }

    /** ShopOps as a process of its own, on this test's database, with the application's classpath only. */
    private Process start(int port, int run) throws IOException {
        Path log = Path.of("target/crash-test/app-" + run + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-Xmx512m",
                "-cp", applicationClassPath(), "io.shopops.ShopOpsApplication",
                "--server.port=" + port,
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
                "--shopops.demo.enabled=false",
                "--shopops.scheduling.enabled=false",
                "--shopops.storage.data-dir=target/crash-test/data",
                "--shopops.privacy.active-key=" + environment.getProperty("shopops.privacy.active-key"),
                "--shopops.privacy.lookup-key=" + environment.getProperty("shopops.privacy.lookup-key"),
                "--shopops.payment.sandbox.secret=" + environment.getProperty("shopops.payment.sandbox.secret"),
                "--logging.level.root=WARN"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("ShopOps exited with " + process.exitValue() + "; see " + log);
            }
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                        .build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
        return process;
    }

    /**
     * The test JVM's classpath without the test classes (whose test configurations must not become part of the
     * application). Surefire passes it in a manifest-only jar; both forms are handled.
     */
    private static String applicationClassPath() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (entry.endsWith(".jar") && entry.contains("surefire")) {
                try (JarFile jar = new JarFile(entry)) {
                    String manifestPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
                    if (manifestPath != null) {
                        for (String url : manifestPath.split(" ")) {
                            if (!url.isBlank()) {
                                entries.add(Path.of(URI.create(url)).toString());
                            }
                        }
                    }
                }
            } else {
                entries.add(entry);
            }
        }
        entries.removeIf(entry -> entry.replace('\\', '/').contains("target/test-classes")
                || entry.contains("surefire"));
        return String.join(java.io.File.pathSeparator, entries);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
