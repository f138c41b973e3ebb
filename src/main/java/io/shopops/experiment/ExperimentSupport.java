package io.shopops.experiment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import io.shopops.experiment.internal.ExperimentRepository;
import io.shopops.experiment.internal.StoredExperiment;
import io.shopops.shared.NotFoundException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** What the experiment facades share: the time, reading an experiment by key, and inserts under a savepoint. */
@Component
class ExperimentSupport {

    static final int MAX_KEY = 64;

    private final ExperimentRepository experiments;
    private final Clock clock;
    private final TransactionTemplate savepoint;

    ExperimentSupport(ExperimentRepository experiments, Clock clock, PlatformTransactionManager transactions) {
        this.experiments = experiments;
        this.clock = clock;
        // an insert that may lose a race on its key runs under a savepoint: on PostgreSQL the failed statement
        // would otherwise abort the caller's whole transaction, and the winner's row could not be read
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    /** The experiment addressed by the URL (404 when there is none; keys longer than any key cannot be one). */
    StoredExperiment experiment(String key) {
        if (key.length() > MAX_KEY) {
            throw NotFoundException.of("Experiment", key);
        }
        return experiments.find(key).orElseThrow(() -> NotFoundException.of("Experiment", key));
    }

    /** The insert's answer, or {@code onDuplicate}'s when a concurrent transaction inserted the same key first. */
    <T> T insertOnce(Supplier<T> insert, Supplier<T> onDuplicate) {
        try {
            return savepoint.execute(status -> insert.get());
        } catch (DuplicateKeyException raced) {
            return onDuplicate.get();
        }
    }
}
