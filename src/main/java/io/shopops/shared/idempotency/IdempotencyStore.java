package io.shopops.shared.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.ConflictException;
import io.shopops.shared.InvalidInputException;
import io.shopops.shared.persistence.SqlTime;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs an action at most once per idempotency key, with Stripe's semantics: the same key and the same request
 * get the first answer again (also after a crash: the answer is stored in the transaction that did the work, so
 * either both exist or neither); the same key with a different request is refused with 422; a repeat that
 * arrives while the first is still running waits for it on PostgreSQL (the key's row lock) and gets its answer,
 * or is told 409 to retry where the database cannot wait.
 */
@Component
public class IdempotencyStore {

    public static final int MAX_KEY_LENGTH = 255;
    /** Answers are kept at least this long; the cleanup job deletes older ones. */
    public static final Duration RETENTION = Duration.ofHours(48);

    private static final Logger log = LoggerFactory.getLogger(IdempotencyStore.class);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final JsonMapper canonical;
    private final TransactionTemplate savepoint;
    private final Clock clock;

    IdempotencyStore(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.canonical = json.rebuild().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
        // the key's INSERT runs under a savepoint: on PostgreSQL a failed statement would otherwise abort the
        // caller's whole transaction, and the stored answer could not be read back
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    /** The answer, and whether it was replayed from an earlier request with the same key. */
    public record Outcome<T>(T value, boolean replayed) {
    }

    /**
     * Runs {@code action} unless the key was used before, in the caller's transaction.
     *
     * @param scope   whose keys these are (a customer, an API key): keys of different callers never collide
     * @param key     the client's Idempotency-Key header
     * @param request what the client asked for (any JSON-serialisable value), compared on a repeat
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public <T> Outcome<T> execute(String scope, String key, Object request, Class<T> answerType, Supplier<T> action) {
        checkKey(key);
        String fingerprint = fingerprint(request);
        Instant now = Instant.now(clock);
        try {
            savepoint.executeWithoutResult(status -> jdbc.sql("""
                    INSERT INTO idempotency_record (scope, idem_key, fingerprint, created_at)
                    VALUES (:scope, :key, :fingerprint, :now)
                    """).param("scope", scope).param("key", key).param("fingerprint", fingerprint)
                    .param("now", SqlTime.utc(now)).update());
        } catch (DuplicateKeyException used) {
            return new Outcome<>(replay(scope, key, fingerprint, answerType), true);
        }
        T answer = action.get();
        jdbc.sql("""
                UPDATE idempotency_record SET response_body = :body, completed_at = :now
                WHERE scope = :scope AND idem_key = :key
                """).param("body", json.writeValueAsString(answer)).param("now", SqlTime.utc(Instant.now(clock)))
                .param("scope", scope).param("key", key).update();
        return new Outcome<>(answer, false);
    }

    private <T> T replay(String scope, String key, String fingerprint, Class<T> answerType) {
        record Stored(String fingerprint, String body) {
        }
        Optional<Stored> stored = jdbc.sql("SELECT fingerprint, response_body FROM idempotency_record WHERE scope = :scope AND idem_key = :key")
                .param("scope", scope).param("key", key)
                .query((rs, row) -> new Stored(rs.getString("fingerprint"), rs.getString("response_body")))
                .optional();
        if (stored.isEmpty() || stored.get().body() == null) {
            throw new ConflictException("Idempotency-Key", "a request with this key is still being processed; retry shortly");
        }
        if (!stored.get().fingerprint().equals(fingerprint)) {
            throw new BusinessRuleException("idempotency-key-reused", "Idempotency-Key",
                    "was already used for a different request");
        }
        return json.readValue(stored.get().body(), answerType);
    }

    private static void checkKey(String key) {
        if (key == null || key.isBlank()) {
            throw new InvalidInputException("Idempotency-Key", "is required");
        }
        if (key.length() > MAX_KEY_LENGTH || key.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new InvalidInputException("Idempotency-Key",
                    "must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters");
        }
    }

    /** SHA-256 of the request as canonical JSON (keys sorted), so formatting differences do not count. */
    String fingerprint(Object request) {
        JsonNode tree = canonical.valueToTree(request);
        byte[] bytes = canonical.writeValueAsString(tree).getBytes(StandardCharsets.UTF_8);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Deletes answers older than the retention, on one node at a time. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @SchedulerLock(name = "idempotency-cleanup", lockAtMostFor = "PT30M")
    @Transactional
    public int deleteExpired() {
        int deleted = jdbc.sql("DELETE FROM idempotency_record WHERE created_at < :before")
                .param("before", SqlTime.utc(Instant.now(clock).minus(RETENTION))).update();
        if (deleted > 0) {
            log.info("Deleted {} idempotency records older than {}", deleted, RETENTION);
        }
        return deleted;
    }
}
