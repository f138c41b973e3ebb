package io.shopops.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on the machine's PostgreSQL (127.0.0.1:5432, or {@code SHOPOPS_TEST_PG_URL}), in a
 * fresh database created for the test context and dropped after it. Without a reachable server the test is
 * skipped, except when {@code CI=true} or {@code -Dshopops.test.requirePostgres=true}: then it fails.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("postgres")
@ExtendWith(PostgresDatabase.RequirePostgres.class)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ContextConfiguration(initializers = PostgresDatabase.Initializer.class)
public @interface PostgresTest {
}
