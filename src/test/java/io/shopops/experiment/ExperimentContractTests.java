package io.shopops.experiment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.shopops.catalog.SkuId;
import io.shopops.customer.CustomerId;
import io.shopops.inventory.MutableClock;
import io.shopops.inventory.WarehouseView;
import io.shopops.ordering.OrderFixtures;
import io.shopops.ordering.OrderPaid;
import io.shopops.ordering.OrderView;
import io.shopops.ordering.OrderingTestConfiguration;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.ConflictException;
import io.shopops.shared.Money;
import io.shopops.testing.PostgresTest;
import io.shopops.testing.ShopOpsTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.shopops.experiment.ExperimentFixtures.definition;
import static io.shopops.experiment.ExperimentFixtures.running;
import static io.shopops.experiment.ExperimentFixtures.uniqueKey;
import static io.shopops.ordering.OrderFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Experiments on H2 and on PostgreSQL: exposures once per unit (repeats and 20 concurrent requests), conversions
 * once and only after exposure, order_paid conversions through the real ordering and payment flow and not twice
 * on redelivery, drafts only editable, versions checked, a declared winner served to everybody.
 */
class ExperimentContractTests {

    abstract static class Contract {

        @Autowired
        Experiments experiments;
        @Autowired
        ExperimentTracking tracking;
        @Autowired
        OrderFixtures orders;
        @Autowired
        OrderingTestConfiguration.OrderEvents orderEvents;
        @Autowired
        MutableClock clock;
        @Autowired
        JdbcClient jdbc;

        long exposureRows(String key, String unit) {
            return jdbc.sql("""
                    SELECT COUNT(*) FROM experiment_exposure x JOIN experiment e ON e.id = x.experiment_id
                    WHERE e.exp_key = :key AND x.unit_key = :unit
                    """).param("key", key).param("unit", unit).query(Long.class).single();
        }

        ExperimentResults.VariantResult variant(ExperimentResults results, String key) {
            return results.variants().stream().filter(v -> v.key().equals(key)).findFirst().orElseThrow();
        }

        @Test
        void aRepeatedAssignmentAnswersTheSameVariantAndRecordsOneExposure() {
            ExperimentView e = running(experiments, definition(uniqueKey("repeat"), ExperimentUnit.DEVICE,
                    ExperimentMetric.CUSTOM_EVENT, clock.instant()));
            Assignment first = tracking.assign(e.key(), null, "device-a");
            clock.advance(Duration.ofSeconds(5));
            Assignment again = tracking.assign(e.key(), null, "device-a");

            assertThat(first.inExperiment()).isTrue();
            assertThat(first.reason()).isEqualTo(Assignment.Reason.ASSIGNED);
            assertThat(again.variant()).isEqualTo(first.variant());
            assertThat(again.exposedAt()).isEqualTo(first.exposedAt());
            assertThat(exposureRows(e.key(), "device-a")).isEqualTo(1);
            assertThat(experiments.results(e.key()).variants().stream().mapToLong(ExperimentResults.VariantResult::exposures)
                    .sum()).isEqualTo(1);
        }

        @Test
        void twentyConcurrentAssignmentsOfOneUnitRecordOneExposure() throws Exception {
            ExperimentView e = running(experiments, definition(uniqueKey("race"), ExperimentUnit.DEVICE,
                    ExperimentMetric.CUSTOM_EVENT, clock.instant()));
            int threads = 20;
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Assignment>> answers = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
                for (int i = 0; i < threads; i++) {
                    Callable<Assignment> call = () -> {
                        go.await();
                        return tracking.assign(e.key(), null, "raced-device");
                    };
                    answers.add(pool.submit(call));
                }
                go.countDown();
                Set<String> variants = new HashSet<>();
                Set<Instant> times = new HashSet<>();
                for (Future<Assignment> answer : answers) {
                    Assignment a = answer.get();
                    assertThat(a.reason()).isEqualTo(Assignment.Reason.ASSIGNED);
                    variants.add(a.variant());
                    times.add(a.exposedAt());
                }
                assertThat(variants).hasSize(1);
                assertThat(times).hasSize(1);
            }
            assertThat(exposureRows(e.key(), "raced-device")).isEqualTo(1);
        }

        @Test
        void aCustomEventConvertsAnExposedUnitOnceAndNobodyElse() {
            ExperimentView e = running(experiments, definition(uniqueKey("signup"), ExperimentUnit.DEVICE,
                    ExperimentMetric.CUSTOM_EVENT, clock.instant()));
            assertThat(tracking.convert(e.key(), null, "never-seen", "signup").reason())
                    .isEqualTo(ConversionOutcome.Reason.NOT_EXPOSED);

            Assignment assigned = tracking.assign(e.key(), null, "converter");
            ConversionOutcome first = tracking.convert(e.key(), null, "converter", "signup");
            ConversionOutcome second = tracking.convert(e.key(), null, "converter", "signup");

            assertThat(first.counted()).isTrue();
            assertThat(first.variant()).isEqualTo(assigned.variant());
            assertThat(second.counted()).isFalse();
            assertThat(second.reason()).isEqualTo(ConversionOutcome.Reason.ALREADY_COUNTED);
            assertThatThrownBy(() -> tracking.convert(e.key(), null, "converter", "add_to_cart"))
                    .isInstanceOf(BusinessRuleException.class).hasMessageContaining("signup");
            ExperimentResults results = experiments.results(e.key());
            assertThat(variant(results, assigned.variant()).conversions()).isEqualTo(1);
            assertThat(results.variants().stream().mapToLong(ExperimentResults.VariantResult::conversions).sum())
                    .isEqualTo(1);
        }

        @Test
        void aPaidOrderConvertsTheExposedCustomerOnceEvenWhenTheEventComesAgain() {
            ExperimentView e = running(experiments, definition(uniqueKey("paid"), ExperimentUnit.CUSTOMER,
                    ExperimentMetric.ORDER_PAID, clock.instant()));
            OrderFixtures.Shopper shopper = orders.shopper();
            SkuId sku = orders.sku("99.00");
            WarehouseView warehouse = orders.warehouse("华东");
            orders.stock(sku, warehouse, 10);
            Assignment assigned = tracking.assign(e.key(), shopper.id(), null);
            assertThat(assigned.inExperiment()).isTrue();

            OrderView first = orders.place(shopper, line(sku, 1));
            orders.pay(shopper, first);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> variant(experiments.results(e.key()), assigned.variant()).conversions() == 1);
            OrderView second = orders.place(shopper, line(sku, 2));
            orders.pay(shopper, second);
            Money both = first.total().plus(second.total());
            await().atMost(Duration.ofSeconds(20)).until(() -> both.equals(
                    variant(experiments.results(e.key()), assigned.variant()).revenue()));

            // the outbox delivers an event again (a crash before its completion was recorded): nothing changes
            OrderPaid again = orderEvents.of(OrderPaid.class).stream()
                    .filter(p -> p.orderId().equals(first.id())).findFirst().orElseThrow();
            assertThat(tracking.orderPaid(again.customerId(), again.orderId(), again.amount(), again.paidAt())).isZero();

            ExperimentResults results = experiments.results(e.key());
            ExperimentResults.VariantResult mine = variant(results, assigned.variant());
            assertThat(mine.exposures()).isEqualTo(1);
            assertThat(mine.conversions()).isEqualTo(1);
            assertThat(mine.revenue()).isEqualTo(both);
            assertThat(mine.revenuePerUnit()).isEqualTo(both);
            Long convertingOrder = jdbc.sql("""
                    SELECT c.order_id FROM experiment_conversion c JOIN experiment e ON e.id = c.experiment_id
                    WHERE e.exp_key = :key""").param("key", e.key()).query(Long.class).single();
            assertThat(convertingOrder).isEqualTo(first.id().value());
        }

        @Test
        void anOrderPaidBeforeExposureOrByAnUnexposedCustomerDoesNotConvert() {
            ExperimentView e = running(experiments, definition(uniqueKey("before"), ExperimentUnit.CUSTOMER,
                    ExperimentMetric.ORDER_PAID, clock.instant()));
            CustomerId exposedLater = new CustomerId(900_000_000L + System.nanoTime() % 1_000_000);
            Instant paidAt = clock.instant();
            clock.advance(Duration.ofSeconds(2));
            tracking.assign(e.key(), exposedLater, null);

            assertThat(tracking.orderPaid(exposedLater, new io.shopops.ordering.OrderId(-1), Money.of("10.00",
                    Money.CNY), paidAt)).isZero();
            assertThat(tracking.orderPaid(new CustomerId(-5), new io.shopops.ordering.OrderId(-2), Money.of("10.00",
                    Money.CNY), clock.instant())).isZero();
            assertThat(experiments.results(e.key()).variants().stream()
                    .mapToLong(ExperimentResults.VariantResult::conversions).sum()).isZero();
        }

        @Test
        void onlyADraftCanBeEditedAndOnlyAtTheVersionRead() {
            NewExperiment d = definition(uniqueKey("edit"), ExperimentUnit.DEVICE, ExperimentMetric.CUSTOM_EVENT,
                    clock.instant());
            ExperimentView draft = experiments.create(d);
            NewExperiment renamed = new NewExperiment(null, "Renamed", d.hypothesis(), d.unit(), d.variants(),
                    new BigDecimal("40"), d.metric(), d.eventName(), d.alpha(), d.power(), d.baselineRate(),
                    d.minimumDetectableEffect(), d.plannedStart(), d.plannedEnd());
            ExperimentView edited = experiments.update(draft.key(), renamed, draft.version());
            assertThat(edited.name()).isEqualTo("Renamed");
            assertThat(edited.trafficPercent()).isEqualByComparingTo("40");
            assertThat(edited.version()).isEqualTo(draft.version() + 1);

            assertThatThrownBy(() -> experiments.update(draft.key(), renamed, draft.version()))
                    .isInstanceOf(ConflictException.class);
            ExperimentView started = experiments.start(draft.key(), edited.version());
            assertThat(started.status()).isEqualTo(ExperimentStatus.RUNNING);
            assertThatThrownBy(() -> experiments.update(draft.key(), renamed, started.version()))
                    .isInstanceOf(BusinessRuleException.class).hasMessageContaining("only a draft");
            assertThatThrownBy(() -> experiments.start(draft.key(), started.version()))
                    .isInstanceOf(BusinessRuleException.class);
        }

        @Test
        void resultsAreConclusiveOnlyOnceEveryVariantHasThePlannedSampleAndThePlannedEndHasPassed() {
            Instant now = clock.instant();
            // baseline 30 %, a relative effect of +150 % (to 75 %): 19 units per variant suffice
            NewExperiment d = definition(uniqueKey("horizon"), ExperimentUnit.DEVICE, ExperimentMetric.CUSTOM_EVENT,
                    now);
            ExperimentView e = running(experiments, new NewExperiment(d.key(), d.name(), d.hypothesis(), d.unit(),
                    d.variants(), null, d.metric(), d.eventName(), null, null, new BigDecimal("0.3"),
                    new BigDecimal("1.5"), now.minus(Duration.ofHours(1)), now.plus(Duration.ofSeconds(30))));
            assertThat(e.plannedSamplePerVariant()).isEqualTo(19);
            ExperimentResults before = experiments.results(e.key());
            assertThat(before.conclusive()).isFalse();
            assertThat(before.warning()).startsWith("reading early: the planned sample is 19 per variant, you have 0");

            for (int i = 0; i < 200; i++) {
                tracking.assign(e.key(), null, "horizon-" + i);
                if (i % 3 == 0) {
                    tracking.convert(e.key(), null, "horizon-" + i, "signup");
                }
            }
            ExperimentResults sampled = experiments.results(e.key());
            assertThat(sampled.smallestSample()).isGreaterThanOrEqualTo(19);
            assertThat(sampled.conclusive()).isFalse();
            assertThat(sampled.warning()).contains("the planned end is");

            clock.advance(Duration.ofSeconds(31));
            ExperimentResults after = experiments.results(e.key());
            assertThat(after.conclusive()).isTrue();
            assertThat(after.warning()).isNull();
            ExperimentResults.VariantResult control = variant(after, "control");
            ExperimentResults.VariantResult treatment = variant(after, "treatment");
            assertThat(control.exposures() + treatment.exposures()).isEqualTo(200);
            assertThat(control.conversions() + treatment.conversions()).isEqualTo(67);
            Statistics.ProportionComparison expected = Statistics.compare(control.conversions(), control.exposures(),
                    treatment.conversions(), treatment.exposures(), 0.05);
            assertThat(after.comparisons().getFirst().pValue()).isEqualTo(expected.pValue());
            assertThat(control.conversionRate()).isEqualTo((double) control.conversions() / control.exposures());
        }

        @Test
        void aDeclaredWinnerIsServedToEverybodyAndNothingMoreIsCounted() {
            ExperimentView e = running(experiments, definition(uniqueKey("winner"), ExperimentUnit.DEVICE,
                    ExperimentMetric.CUSTOM_EVENT, clock.instant()));
            tracking.assign(e.key(), null, "early-device");
            ExperimentView stopped = experiments.stop(e.key(), new StopDecision(e.version(), "treatment",
                    "Treatment wins"));

            assertThat(stopped.status()).isEqualTo(ExperimentStatus.STOPPED);
            assertThat(stopped.winner()).isEqualTo("treatment");
            Assignment late = tracking.assign(e.key(), null, "late-device");
            assertThat(late.variant()).isEqualTo("treatment");
            assertThat(late.reason()).isEqualTo(Assignment.Reason.WINNER);
            assertThat(exposureRows(e.key(), "late-device")).isZero();
            assertThat(tracking.convert(e.key(), null, "early-device", "signup").reason())
                    .isEqualTo(ConversionOutcome.Reason.NOT_RUNNING);
        }
    }

    @Nested
    @ShopOpsTest
    @Import(OrderingTestConfiguration.class)
    class OnH2 extends Contract {
    }

    @Nested
    @PostgresTest
    @Import(OrderingTestConfiguration.class)
    class OnPostgres extends Contract {
    }
}
