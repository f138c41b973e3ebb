package io.shopops.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;

import io.shopops.testing.PostgresTest;
import io.shopops.testing.ShopOpsTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long the whole demo shop takes at its default size (catalog, stock, 8,000 customers, 50,000 orders with their
 * payments, reservations and shipments), in its one transaction and with its commit: on the embedded H2
 * <em>file</em> database a first start uses (at most 60 seconds), and on PostgreSQL. Not a test of the normal build:
 * {@code ./mvnw -B -Pbenchmark test -Dtest=DemoShopBenchmark}. Each run appends a line to
 * {@code target/benchmark/demo-shop.txt}.
 */
@Tag("benchmark")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoShopBenchmark {

    /** The H2 file (about 1 GB before H2 compacts it) is deleted once its context is closed. */
    @AfterAll
    void deleteTheH2File() throws IOException {
        DemoShopTests.deleteH2Files(Path.of("target", "benchmark"));
    }

    abstract static class Run {

        @Autowired
        DemoShop demo;

        abstract String database();

        @Test
        void generatesTheDefaultShopWithinAMinute() throws IOException {
            long started = System.nanoTime();
            DemoReport report = demo.generate(20261121L);
            Duration committed = Duration.ofNanos(System.nanoTime() - started);

            assertThat(report.orders()).isEqualTo(50_000);
            assertThat(report.customers()).isEqualTo(8_000);
            Path results = Path.of("target", "benchmark", "demo-shop.txt");
            Files.createDirectories(results.getParent());
            Files.writeString(results, "%s %s %.1f s with the commit: %s%n".formatted(Instant.now(), database(),
                    committed.toMillis() / 1000.0, report), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            System.out.printf("%s, %.1f s with the commit: %s%n", database(), committed.toMillis() / 1000.0, report);
            if (database().startsWith("H2")) {
                assertThat(committed).isLessThanOrEqualTo(Duration.ofSeconds(60));
            }
        }
    }

    @Nested
    @ShopOpsTest
    @DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
    @TestPropertySource(properties = { "shopops.demo.context=h2-file-benchmark",
            "spring.datasource.url=jdbc:h2:file:./target/benchmark/demo-h2-${random.uuid};LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE" })
    class OnH2File extends Run {

        @Override
        String database() {
            return "H2 (file)";
        }
    }

    @Nested
    @PostgresTest
    @DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
    @TestPropertySource(properties = "shopops.demo.context=postgres-benchmark")
    class OnPostgres extends Run {

        @Override
        String database() {
            return "PostgreSQL";
        }
    }
}
