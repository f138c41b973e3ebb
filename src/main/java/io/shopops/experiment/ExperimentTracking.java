package io.shopops.experiment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.shopops.customer.CustomerId;
import io.shopops.experiment.internal.ExperimentRepository;
import io.shopops.experiment.internal.StoredExperiment;
import io.shopops.ordering.OrderId;
import io.shopops.shared.BusinessRuleException;
import io.shopops.shared.Money;
import io.shopops.shared.Violations;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The storefront's side of experiments: which variant a unit sees (recording its exposure once, whatever the
 * number of calls or nodes), the custom events that convert, and the paid orders that convert ORDER_PAID
 * experiments. A unit is the signed-in customer (CUSTOMER experiments) or the device id the client sends (DEVICE).
 */
@Service
public class ExperimentTracking {

    public static final int MAX_DEVICE_ID = 128;

    private final ExperimentRepository experiments;
    private final ExperimentSupport support;

    ExperimentTracking(ExperimentRepository experiments, ExperimentSupport support) {
        this.experiments = experiments;
        this.support = support;
    }

    /**
     * The unit's variant of the experiment. A running experiment assigns the unit by its hash and records its first
     * exposure (a repeat answers the same variant and the same exposure time); a stopped one with a winner answers
     * the winner to everybody; anything else answers "not in the experiment" (show the default experience).
     * 404 for an unknown key; 400 naming {@code deviceId} when a DEVICE experiment gets none or a bad one.
     */
    @Transactional
    public Assignment assign(String key, @Nullable CustomerId customer, @Nullable String deviceId) {
        StoredExperiment stored = support.experiment(key);
        ExperimentView e = stored.view();
        if (e.status() == ExperimentStatus.STOPPED && e.winner() != null) {
            return new Assignment(key, true, e.winner(), Assignment.Reason.WINNER, null);
        }
        if (e.status() != ExperimentStatus.RUNNING) {
            return new Assignment(key, false, null, Assignment.Reason.NOT_RUNNING, null);
        }
        Optional<String> unit = unit(e, customer, deviceId);
        if (unit.isEmpty()) {
            return new Assignment(key, false, null, Assignment.Reason.SIGN_IN_REQUIRED, null);
        }
        Optional<ExperimentRepository.Exposure> seen = experiments.exposure(stored.id(), unit.get());
        if (seen.isPresent()) {
            return assigned(key, seen.get());
        }
        String variant = Bucketing.assign(key, unit.get(), basisPoints(e.trafficPercent()), e.variants().stream()
                .map(v -> new Bucketing.WeightedVariant(v.key(), basisPoints(v.weight()))).toList());
        if (variant == null) {
            return new Assignment(key, false, null, Assignment.Reason.OUTSIDE_TRAFFIC, null);
        }
        Instant now = support.now();
        ExperimentRepository.Exposure exposure = support.insertOnce(() -> {
            experiments.insertExposure(stored.id(), unit.get(), variant, now);
            return new ExperimentRepository.Exposure(variant, now);
        }, () -> experiments.exposure(stored.id(), unit.get()).orElseThrow());
        return assigned(key, exposure);
    }

    private static Assignment assigned(String key, ExperimentRepository.Exposure exposure) {
        return new Assignment(key, true, exposure.variant(), Assignment.Reason.ASSIGNED, exposure.exposedAt());
    }

    /**
     * A custom event the storefront reports for the unit: it converts the unit once, if the unit was exposed before
     * and the event is the experiment's. 422 for an ORDER_PAID experiment (counted from paid orders) or another event.
     */
    @Transactional
    public ConversionOutcome convert(String key, @Nullable CustomerId customer, @Nullable String deviceId,
            @Nullable String event) {
        StoredExperiment stored = support.experiment(key);
        ExperimentView e = stored.view();
        Violations v = new Violations();
        v.text("event", event, true, 64);
        v.throwIfAny();
        if (e.metric() == ExperimentMetric.ORDER_PAID) {
            throw new BusinessRuleException("server-side-metric", "event",
                    "is not reported by the storefront: this experiment counts paid orders (order_paid) itself");
        }
        if (!event.equals(e.eventName())) {
            throw new BusinessRuleException("not-the-metric", "event",
                    "is not this experiment's conversion event (" + e.eventName() + ")");
        }
        if (e.status() != ExperimentStatus.RUNNING) {
            return new ConversionOutcome(key, false, null, ConversionOutcome.Reason.NOT_RUNNING);
        }
        Optional<String> unit = unit(e, customer, deviceId);
        if (unit.isEmpty()) {
            return new ConversionOutcome(key, false, null, ConversionOutcome.Reason.SIGN_IN_REQUIRED);
        }
        Optional<ExperimentRepository.Exposure> exposure = experiments.exposure(stored.id(), unit.get());
        if (exposure.isEmpty()) {
            return new ConversionOutcome(key, false, null, ConversionOutcome.Reason.NOT_EXPOSED);
        }
        String variant = exposure.get().variant();
        Instant now = support.now();
        boolean counted = support.insertOnce(
                () -> experiments.insertConversion(stored.id(), unit.get(), variant, now, null), () -> false);
        return new ConversionOutcome(key, counted, variant,
                counted ? ConversionOutcome.Reason.COUNTED : ConversionOutcome.Reason.ALREADY_COUNTED);
    }

    /**
     * A customer paid an order: for every running ORDER_PAID experiment the customer was exposed to before
     * {@code paidAt} (to the second), the order's revenue is recorded (once per order) and, if it is the customer's
     * first paid order since exposure, their conversion. A repeated delivery changes nothing. Returns the
     * conversions recorded.
     */
    @Transactional
    public int orderPaid(CustomerId customer, OrderId order, Money amount, Instant paidAt) {
        String unit = String.valueOf(customer.value());
        int converted = 0;
        List<Long> running = experiments.runningOnOrderPaid();
        for (long id : running) {
            Optional<ExperimentRepository.Exposure> exposure = experiments.exposure(id, unit);
            if (exposure.isEmpty() || !exposure.get().exposedAt().isBefore(endOfSecond(paidAt))) {
                continue;
            }
            String variant = exposure.get().variant();
            support.insertOnce(() -> experiments.insertRevenue(id, order.value(), unit, variant, amount, paidAt),
                    () -> false);
            boolean first = support.insertOnce(
                    () -> experiments.insertConversion(id, unit, variant, paidAt, order.value()), () -> false);
            if (first) {
                converted++;
            } else {
                experiments.earlierConversion(id, unit, order.value(), paidAt);
            }
        }
        return converted;
    }

    /**
     * Payment providers report the time of payment in whole seconds (the sandbox does): a payment "at 12:00:05" was
     * made before 12:00:06, so an exposure within that second counts as before it.
     */
    private static Instant endOfSecond(Instant paidAt) {
        return paidAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1);
    }

    /** The unit key: the signed-in customer's id, or the device id (checked); empty for an anonymous customer. */
    private static Optional<String> unit(ExperimentView e, @Nullable CustomerId customer, @Nullable String deviceId) {
        if (e.unit() == ExperimentUnit.CUSTOMER) {
            return Optional.ofNullable(customer).map(c -> String.valueOf(c.value()));
        }
        Violations v = new Violations();
        v.text("deviceId", deviceId, true, MAX_DEVICE_ID);
        v.throwIfAny();
        return Optional.of(deviceId);
    }

    /** A percentage with two decimals as basis points of the 10,000 buckets (12.5 % → 1,250). */
    static int basisPoints(BigDecimal percent) {
        return percent.movePointRight(2).intValueExact();
    }
}
