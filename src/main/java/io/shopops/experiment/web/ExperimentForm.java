package io.shopops.experiment.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.shopops.experiment.ExperimentMetric;
import io.shopops.experiment.ExperimentUnit;
import io.shopops.experiment.ExperimentView;
import io.shopops.experiment.Experiments;
import io.shopops.experiment.NewExperiment;
import io.shopops.experiment.VariantView;
import io.shopops.shared.web.FormValues;
import org.jspecify.annotations.Nullable;

/**
 * The console's experiment form as the browser posts it: every field as typed (a refused form comes back as it was
 * sent), {@value Experiments#MAX_VARIANTS} variant rows {@code variants[i].key/name/weight} (empty rows are left
 * out), the control as the index of its row, times as {@code datetime-local} in the shop's zone.
 */
record ExperimentForm(@Nullable String key, @Nullable String name, @Nullable String hypothesis,
        @Nullable String unit, @Nullable List<VariantRow> variants, @Nullable String control,
        @Nullable String trafficPercent, @Nullable String metric, @Nullable String eventName, @Nullable String alpha,
        @Nullable String power, @Nullable String baselineRate, @Nullable String minimumDetectableEffect,
        @Nullable String plannedStart, @Nullable String plannedEnd, @Nullable Long version) {

    record VariantRow(@Nullable String key, @Nullable String name, @Nullable String weight) {

        boolean isBlank() {
            return blank(key) && blank(name) && blank(weight);
        }
    }

    static ExperimentForm empty(Instant now, ZoneId zone) {
        List<VariantRow> rows = new ArrayList<>(List.of(new VariantRow("control", "Control", "50"),
                new VariantRow("treatment", "Treatment", "50")));
        return new ExperimentForm("", "", "", ExperimentUnit.CUSTOMER.name(), rows, "0", "100",
                ExperimentMetric.ORDER_PAID.name(), "", "0.05", "0.8", "", "", input(now, zone),
                input(now.plus(Duration.ofDays(14)), zone), null);
    }

    static ExperimentForm of(ExperimentView e, ZoneId zone) {
        List<VariantRow> rows = new ArrayList<>();
        String control = "0";
        for (int i = 0; i < e.variants().size(); i++) {
            VariantView v = e.variants().get(i);
            rows.add(new VariantRow(v.key(), v.name(), v.weight().stripTrailingZeros().toPlainString()));
            if (v.control()) {
                control = String.valueOf(i);
            }
        }
        return new ExperimentForm(e.key(), e.name(), e.hypothesis() == null ? "" : e.hypothesis(), e.unit().name(),
                rows, control, plain(e.trafficPercent()), e.metric().name(),
                e.eventName() == null ? "" : e.eventName(), plain(e.alpha()), plain(e.power()),
                plain(e.baselineRate()), plain(e.minimumDetectableEffect()), input(e.plannedStart(), zone),
                input(e.plannedEnd(), zone), e.version());
    }

    /** The variant rows to show: as posted, padded with empty rows up to the most an experiment may have. */
    List<VariantRow> rows() {
        List<VariantRow> rows = new ArrayList<>();
        if (variants != null) {
            variants.stream().limit(Experiments.MAX_VARIANTS).map(r -> r == null ? new VariantRow("", "", "") : r)
                    .forEach(rows::add);
        }
        while (rows.size() < Experiments.MAX_VARIANTS) {
            rows.add(new VariantRow("", "", ""));
        }
        return rows;
    }

    /**
     * The definition the facade checks. Text that is not a number, a time or a choice is put under its field in
     * {@code errors} (with {@code reason}) and read as absent, so the facade's reasons for the rest come too.
     * Variant rows keep their position, so that {@code variants[i]} errors land on the row typed.
     */
    NewExperiment definition(ZoneId zone, Map<String, String> errors, String numberReason, String timeReason,
            String choiceReason) {
        List<NewExperiment.Variant> given = new ArrayList<>();
        List<VariantRow> rows = rows();
        int last = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).isBlank()) {
                last = i;
            }
        }
        for (int i = 0; i <= last; i++) {
            VariantRow row = rows.get(i);
            given.add(new NewExperiment.Variant(trim(row.key()), trim(row.name()),
                    number(row.weight(), "variants[%d].weight".formatted(i), errors, numberReason),
                    String.valueOf(i).equals(control)));
        }
        return new NewExperiment(trim(key), trim(name), hypothesis,
                FormValues.choice(ExperimentUnit.class, unit, "unit", errors,
                choiceReason), given, number(trafficPercent, "trafficPercent", errors, numberReason),
                FormValues.choice(ExperimentMetric.class, metric, "metric", errors, choiceReason), trim(eventName),
                number(alpha, "alpha", errors, numberReason), number(power, "power", errors, numberReason),
                number(baselineRate, "baselineRate", errors, numberReason),
                number(minimumDetectableEffect, "minimumDetectableEffect", errors, numberReason),
                time(plannedStart, "plannedStart", zone, errors, timeReason),
                time(plannedEnd, "plannedEnd", zone, errors, timeReason));
    }

    static @Nullable BigDecimal number(@Nullable String value, String field, Map<String, String> errors,
            String reason) {
        if (blank(value)) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(value.trim());
            if (number.abs().compareTo(new BigDecimal("1e9")) > 0 || number.scale() > 12) {
                errors.put(field, reason);
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            errors.put(field, reason);
            return null;
        }
    }

    private static @Nullable Instant time(@Nullable String value, String field, ZoneId zone,
            Map<String, String> errors, String reason) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.trim()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            errors.put(field, reason);
            return null;
        }
    }

    private static String input(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(instant.atZone(zone).toLocalDateTime().withSecond(0)
                .withNano(0)).substring(0, 16);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static @Nullable String trim(@Nullable String value) {
        return blank(value) ? null : value.trim();
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
