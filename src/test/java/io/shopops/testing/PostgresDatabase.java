package io.shopops.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Creates and drops the per-context PostgreSQL databases of {@link PostgresTest}. */
public final class PostgresDatabase {

    private static final String URL = env("SHOPOPS_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = env("SHOPOPS_TEST_PG_USER", "postgres");
    private static final String PASSWORD = env("SHOPOPS_TEST_PG_PASSWORD", "");
    private static final String PREFIX = "shopops_t_";

    private PostgresDatabase() {
    }

    /** True when a skipped PostgreSQL test must count as a failure (CI, or asked for explicitly). */
    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI"))
                || Boolean.getBoolean("shopops.test.requirePostgres");
    }

    public static boolean reachable() {
        try (Connection ignored = DriverManager.getConnection(URL, USER, PASSWORD)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Creates a fresh database and returns its JDBC URL. */
    public static String create(String name) {
        execute("CREATE DATABASE " + name);
        return URL.substring(0, URL.lastIndexOf('/') + 1) + name;
    }

    public static void drop(String name) {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + URL + " refused: " + sql, e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Skips PostgreSQL tests when no server answers, unless they are required. */
    public static final class RequirePostgres implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (reachable()) {
                return ConditionEvaluationResult.enabled("PostgreSQL answers at " + URL);
            }
            if (required()) {
                // Let the test run and fail loudly in the initializer: a skipped suite must not pass CI.
                return ConditionEvaluationResult.enabled("PostgreSQL is required but does not answer at " + URL);
            }
            return ConditionEvaluationResult.disabled("PostgreSQL does not answer at " + URL);
        }
    }

    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            dropLeftovers();
            String name = PREFIX + Instant.now().getEpochSecond() + "_"
                    + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
            String url = create(name);
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("postgres-test", Map.of(
                    "spring.datasource.url", url,
                    "spring.datasource.username", USER,
                    "spring.datasource.password", PASSWORD,
                    // the suite caches dozens of contexts at once, each with its pool: keep one idle connection
                    // each (growing to ten while a test races), or together they pass max_connections (100)
                    "spring.datasource.hikari.minimum-idle", "1",
                    "spring.datasource.hikari.idle-timeout", "10000")));
            // Registered before any other bean, so destroyed after all of them: the pool is closed by then.
            ((DefaultListableBeanFactory) context.getBeanFactory())
                    .registerDisposableBean("postgresTestDatabase", () -> drop(name));
        }

        /** Databases of test runs that were killed before they could drop theirs (older than a day). */
        private static void dropLeftovers() {
            long dayAgo = Instant.now().minus(Duration.ofDays(1)).getEpochSecond();
            try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
                 Statement statement = connection.createStatement();
                 ResultSet names = statement.executeQuery(
                         "SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%'")) {
                java.util.List<String> stale = new java.util.ArrayList<>();
                while (names.next()) {
                    String[] parts = names.getString(1).substring(PREFIX.length()).split("_");
                    if (parts.length == 2 && parts[0].matches("\\d+") && Long.parseLong(parts[0]) < dayAgo) {
                        stale.add(names.getString(1));
                    }
                }
                stale.forEach(PostgresDatabase::drop);
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL at " + URL + " is not reachable", e);
            }
        }
    }
}
