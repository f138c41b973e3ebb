package io.shopops.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.shopops.shared.idempotency.IdempotencyStore;
import io.shopops.shared.idempotency.IdempotencyStore.Outcome;
import io.shopops.testing.PostgresTest;
import io.shopops.testing.ShopOpsTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotencyStoreTests {

    record Request(String sku, int quantity) {
    }

    record Answer(long orderId, String status) {
    }

    abstract static class Contract {

        @Autowired
        IdempotencyStore store;
        @Autowired
        TransactionTemplate transactions;

        final AtomicInteger runs = new AtomicInteger();

        Outcome<Answer> call(String key, Request request) {
            return transactions.execute(status -> store.execute("customer-1", key, request, Answer.class,
                    () -> new Answer(runs.incrementAndGet(), "PENDING_PAYMENT")));
        }

        @Test
        void aRepeatedKeyReplaysTheFirstAnswerWithoutRunningAgain() {
            String key = "key-" + System.nanoTime();
            Outcome<Answer> first = call(key, new Request("SKU-1", 2));
            Outcome<Answer> again = call(key, new Request("SKU-1", 2));
            assertThat(first.replayed()).isFalse();
            assertThat(again.replayed()).isTrue();
            assertThat(again.value()).isEqualTo(first.value());
            assertThat(runs).hasValue(1);
        }

        @Test
        void theSameKeyWithADifferentRequestIsRefused() {
            String key = "key-" + System.nanoTime();
            call(key, new Request("SKU-1", 2));
            assertThatThrownBy(() -> call(key, new Request("SKU-1", 3)))
                    .isInstanceOfSatisfying(BusinessRuleException.class,
                            e -> assertThat(e.code()).isEqualTo("idempotency-key-reused"));
        }

        @Test
        void anActionThatFailsLeavesTheKeyFreeForARetry() {
            String key = "key-" + System.nanoTime();
            assertThatThrownBy(() -> transactions.execute(status -> store.execute("customer-1", key,
                    new Request("SKU-1", 1), Answer.class, () -> {
                        throw new IllegalStateException("out of stock");
                    }))).hasMessage("out of stock");
            assertThat(call(key, new Request("SKU-1", 1)).replayed()).isFalse();
        }

        @Test
        void refusesMissingOrMalformedKeys() {
            assertThatThrownBy(() -> call("", new Request("SKU-1", 1))).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> call("has space", new Request("SKU-1", 1))).isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> call("x".repeat(256), new Request("SKU-1", 1))).isInstanceOf(InvalidInputException.class);
        }
    }

    @Nested
    @ShopOpsTest
    class OnH2 extends Contract {
    }

    @Nested
    @PostgresTest
    class OnPostgres extends Contract {

        @Test
        void fiveConcurrentRequestsWithOneKeyRunOnceAndAllGetTheSameAnswer() throws Exception {
            String key = "key-" + System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(5);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Outcome<Answer>>> calls = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return transactions.execute(status -> store.execute("customer-1", key, new Request("SKU-9", 1),
                            Answer.class, () -> new Answer(runs.incrementAndGet(), "PENDING_PAYMENT")));
                }));
            }
            start.countDown();
            List<Answer> answers = new ArrayList<>();
            int replayed = 0;
            for (Future<Outcome<Answer>> call : calls) {
                Outcome<Answer> outcome = call.get();
                answers.add(outcome.value());
                replayed += outcome.replayed() ? 1 : 0;
            }
            pool.shutdown();
            assertThat(runs).hasValue(1);
            assertThat(replayed).isEqualTo(4);
            assertThat(answers).allMatch(answer -> answer.equals(answers.getFirst()));
        }
    }
}
