package io.shopops.experiment.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.shopops.experiment.ExperimentMetric;
import io.shopops.experiment.ExperimentStatus;
import io.shopops.experiment.ExperimentSummary;
import io.shopops.experiment.ExperimentUnit;
import io.shopops.experiment.ExperimentView;
import io.shopops.experiment.VariantView;
import io.shopops.shared.Money;
import io.shopops.shared.Page;
import io.shopops.shared.PageQuery;
import io.shopops.shared.persistence.SqlTime;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Experiments, their variants, exposures, conversions and revenue. Status changes and draft edits are conditional
 * UPDATEs on the status and the version read, checked by their row count; exposures and conversions are keyed by
 * (experiment, unit), so a repeat or a race lands on the row that is there.
 */
@Repository
public class ExperimentRepository {

    private static final String COLUMNS = """
            id, exp_key, name, hypothesis, unit_kind, traffic_percent, metric, event_name, alpha, stat_power,
            baseline_rate, min_effect, planned_sample, planned_start, planned_end, status, winner, conclusion,
            started_at, started_by, stopped_at, stopped_by, created_at, created_by, updated_at, version""";

    private final JdbcClient jdbc;

    ExperimentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- definitions ------------------------------------------------------------------------------------------

    public long insert(ExperimentDefinition d, String by, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO experiment (exp_key, name, hypothesis, unit_kind, traffic_percent, metric, event_name,
                    alpha, stat_power, baseline_rate, min_effect, planned_sample, planned_start, planned_end, status,
                    created_at, created_by, updated_at, version)
                VALUES (:key, :name, :hypothesis, :unit, :traffic, :metric, :event, :alpha, :power, :baseline,
                    :effect, :sample, :start, :end, 'DRAFT', :at, :by, :at, 0)
                """)
                .param("key", d.key()).param("name", d.name()).param("hypothesis", d.hypothesis())
                .param("unit", d.unit().name()).param("traffic", d.trafficPercent()).param("metric", d.metric().name())
                .param("event", d.eventName()).param("alpha", d.alpha()).param("power", d.power())
                .param("baseline", d.baselineRate()).param("effect", d.minimumDetectableEffect())
                .param("sample", d.plannedSample()).param("start", SqlTime.utc(d.plannedStart()))
                .param("end", SqlTime.utc(d.plannedEnd())).param("at", SqlTime.utc(at)).param("by", by)
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        insertVariants(id, d.variants());
        return id;
    }

    private void insertVariants(long id, List<VariantView> variants) {
        for (int i = 0; i < variants.size(); i++) {
            VariantView v = variants.get(i);
            jdbc.sql("""
                    INSERT INTO experiment_variant (experiment_id, seq, variant_key, name, weight, is_control)
                    VALUES (:id, :seq, :key, :name, :weight, :control)
                    """)
                    .param("id", id).param("seq", i).param("key", v.key()).param("name", v.name())
                    .param("weight", v.weight()).param("control", v.control()).update();
        }
    }

    /** Replaces a draft's definition if it is still a draft at the version read. */
    public boolean updateDraft(long id, long version, ExperimentDefinition d, Instant at) {
        int changed = jdbc.sql("""
                UPDATE experiment SET name = :name, hypothesis = :hypothesis, unit_kind = :unit,
                    traffic_percent = :traffic, metric = :metric, event_name = :event, alpha = :alpha,
                    stat_power = :power, baseline_rate = :baseline, min_effect = :effect, planned_sample = :sample,
                    planned_start = :start, planned_end = :end, updated_at = :at, version = version + 1
                WHERE id = :id AND status = 'DRAFT' AND version = :version
                """)
                .param("name", d.name()).param("hypothesis", d.hypothesis()).param("unit", d.unit().name())
                .param("traffic", d.trafficPercent()).param("metric", d.metric().name()).param("event", d.eventName())
                .param("alpha", d.alpha()).param("power", d.power()).param("baseline", d.baselineRate())
                .param("effect", d.minimumDetectableEffect()).param("sample", d.plannedSample())
                .param("start", SqlTime.utc(d.plannedStart())).param("end", SqlTime.utc(d.plannedEnd()))
                .param("at", SqlTime.utc(at)).param("id", id).param("version", version).update();
        if (changed == 1) {
            jdbc.sql("DELETE FROM experiment_variant WHERE experiment_id = :id").param("id", id).update();
            insertVariants(id, d.variants());
        }
        return changed == 1;
    }

    /** DRAFT → RUNNING at the version read. */
    public boolean start(long id, long version, String by, Instant at) {
        return jdbc.sql("""
                UPDATE experiment SET status = 'RUNNING', started_at = :at, started_by = :by, updated_at = :at,
                    version = version + 1
                WHERE id = :id AND status = 'DRAFT' AND version = :version
                """)
                .param("at", SqlTime.utc(at)).param("by", by).param("id", id).param("version", version)
                .update() == 1;
    }

    /** RUNNING → STOPPED at the version read, with the winner and the conclusion. */
    public boolean stop(long id, long version, @Nullable String winner, @Nullable String conclusion, String by,
            Instant at) {
        return jdbc.sql("""
                UPDATE experiment SET status = 'STOPPED', winner = :winner, conclusion = :conclusion,
                    stopped_at = :at, stopped_by = :by, updated_at = :at, version = version + 1
                WHERE id = :id AND status = 'RUNNING' AND version = :version
                """)
                .param("winner", winner).param("conclusion", conclusion).param("at", SqlTime.utc(at))
                .param("by", by).param("id", id).param("version", version).update() == 1;
    }

    public Optional<StoredExperiment> find(String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM experiment WHERE exp_key = :key").param("key", key)
                .query(this::row).optional().map(this::withVariants);
    }

    public boolean exists(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM experiment WHERE exp_key = :key").param("key", key)
                .query(Long.class).single() > 0;
    }

    /** Newest first; {@code status} narrows when given. */
    public Page<ExperimentSummary> find(@Nullable ExperimentStatus status, PageQuery page) {
        String where = status == null ? "" : " WHERE e.status = :status";
        long total = jdbc.sql("SELECT COUNT(*) FROM experiment e" + where)
                .params(status == null ? Map.of() : Map.of("status", status.name())).query(Long.class).single();
        var sql = jdbc.sql("""
                SELECT e.exp_key, e.name, e.unit_kind, e.metric, e.event_name, e.planned_sample, e.planned_start,
                    e.planned_end, e.status, e.winner, e.updated_at,
                    (SELECT COUNT(*) FROM experiment_variant v WHERE v.experiment_id = e.id) AS variant_count
                FROM experiment e""" + where + """
                 ORDER BY e.created_at DESC, e.id DESC
                LIMIT :limit OFFSET :offset
                """).param("limit", page.size()).param("offset", page.offset());
        if (status != null) {
            sql = sql.param("status", status.name());
        }
        List<ExperimentSummary> items = sql.query((rs, n) -> new ExperimentSummary(rs.getString("exp_key"),
                rs.getString("name"), ExperimentUnit.valueOf(rs.getString("unit_kind")),
                ExperimentMetric.valueOf(rs.getString("metric")), rs.getString("event_name"),
                rs.getInt("variant_count"), rs.getLong("planned_sample"), SqlTime.instant(rs, "planned_start"),
                SqlTime.instant(rs, "planned_end"), ExperimentStatus.valueOf(rs.getString("status")),
                rs.getString("winner"), SqlTime.instant(rs, "updated_at"))).list();
        return Page.of(items, page, total);
    }

    /** How many experiments are in each status (only statuses that have some). */
    public Map<ExperimentStatus, Long> countByStatus() {
        Map<ExperimentStatus, Long> counts = new HashMap<>();
        jdbc.sql("SELECT status, COUNT(*) AS n FROM experiment GROUP BY status")
                .query((ResultSet rs) -> {
                    counts.put(ExperimentStatus.valueOf(rs.getString("status")), rs.getLong("n"));
                });
        return counts;
    }

    /** The ids of the running experiments counting ORDER_PAID. */
    public List<Long> runningOnOrderPaid() {
        return jdbc.sql("SELECT id FROM experiment WHERE status = 'RUNNING' AND metric = 'ORDER_PAID'")
                .query(Long.class).list();
    }

    private record Row(long id, ExperimentView view) {
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), new ExperimentView(rs.getString("exp_key"), rs.getString("name"),
                rs.getString("hypothesis"), ExperimentUnit.valueOf(rs.getString("unit_kind")), List.of(),
                rs.getBigDecimal("traffic_percent"), ExperimentMetric.valueOf(rs.getString("metric")),
                rs.getString("event_name"), rs.getBigDecimal("alpha"), rs.getBigDecimal("stat_power"),
                rs.getBigDecimal("baseline_rate"), rs.getBigDecimal("min_effect"), rs.getLong("planned_sample"),
                SqlTime.instant(rs, "planned_start"), SqlTime.instant(rs, "planned_end"),
                ExperimentStatus.valueOf(rs.getString("status")), rs.getString("winner"), rs.getString("conclusion"),
                SqlTime.instant(rs, "started_at"), rs.getString("started_by"), SqlTime.instant(rs, "stopped_at"),
                rs.getString("stopped_by"), SqlTime.instant(rs, "created_at"), rs.getString("created_by"),
                SqlTime.instant(rs, "updated_at"), rs.getLong("version")));
    }

    private StoredExperiment withVariants(Row row) {
        List<VariantView> variants = jdbc.sql("""
                SELECT variant_key, name, weight, is_control FROM experiment_variant
                WHERE experiment_id = :id ORDER BY seq
                """).param("id", row.id())
                .query((rs, n) -> new VariantView(rs.getString("variant_key"), rs.getString("name"),
                        rs.getBigDecimal("weight"), rs.getBoolean("is_control")))
                .list();
        ExperimentView v = row.view();
        return new StoredExperiment(row.id(), new ExperimentView(v.key(), v.name(), v.hypothesis(), v.unit(),
                variants, v.trafficPercent(), v.metric(), v.eventName(), v.alpha(), v.power(), v.baselineRate(),
                v.minimumDetectableEffect(), v.plannedSamplePerVariant(), v.plannedStart(), v.plannedEnd(),
                v.status(), v.winner(), v.conclusion(), v.startedAt(), v.startedBy(), v.stoppedAt(), v.stoppedBy(),
                v.createdAt(), v.createdBy(), v.updatedAt(), v.version()));
    }

    // --- exposures and conversions ----------------------------------------------------------------------------

    /** A unit's exposure: its variant and when it was first exposed. */
    public record Exposure(String variant, Instant exposedAt) {
    }

    /**
     * Records the unit's first exposure. Throws {@link org.springframework.dao.DuplicateKeyException} when a
     * concurrent request recorded it first (run it under a savepoint and read the row then).
     */
    public void insertExposure(long experimentId, String unit, String variant, Instant at) {
        jdbc.sql("""
                INSERT INTO experiment_exposure (experiment_id, unit_key, variant_key, exposed_at)
                VALUES (:id, :unit, :variant, :at)
                """).param("id", experimentId).param("unit", unit).param("variant", variant)
                .param("at", SqlTime.utc(at)).update();
    }

    public Optional<Exposure> exposure(long experimentId, String unit) {
        return jdbc.sql("SELECT variant_key, exposed_at FROM experiment_exposure WHERE experiment_id = :id AND unit_key = :unit")
                .param("id", experimentId).param("unit", unit)
                .query((rs, n) -> new Exposure(rs.getString("variant_key"), SqlTime.instant(rs, "exposed_at")))
                .optional();
    }

    /**
     * Records the exposed unit's conversion unless it has one (a race on the key throws
     * {@link org.springframework.dao.DuplicateKeyException}). False if it had one.
     */
    public boolean insertConversion(long experimentId, String unit, String variant, Instant at,
            @Nullable Long orderId) {
        return jdbc.sql("""
                INSERT INTO experiment_conversion (experiment_id, unit_key, variant_key, converted_at, order_id)
                SELECT :id, :unit, :variant, :at, :order FROM experiment_exposure x
                WHERE x.experiment_id = :id AND x.unit_key = :unit
                  AND NOT EXISTS (SELECT 1 FROM experiment_conversion c WHERE c.experiment_id = :id AND c.unit_key = :unit)
                """).param("id", experimentId).param("unit", unit).param("variant", variant)
                .param("at", SqlTime.utc(at)).param("order", orderId).update() == 1;
    }

    /** An earlier paid order than the one recorded as the conversion (events may arrive out of order) takes its place. */
    public void earlierConversion(long experimentId, String unit, long orderId, Instant paidAt) {
        jdbc.sql("""
                UPDATE experiment_conversion SET converted_at = :paid, order_id = :order
                WHERE experiment_id = :id AND unit_key = :unit AND order_id IS NOT NULL AND converted_at > :paid
                """).param("paid", SqlTime.utc(paidAt)).param("order", orderId).param("id", experimentId)
                .param("unit", unit).update();
    }

    /** Records a paid order's revenue for the exposed unit once per order. False if it was recorded before. */
    public boolean insertRevenue(long experimentId, long orderId, String unit, String variant, Money amount,
            Instant paidAt) {
        return jdbc.sql("""
                INSERT INTO experiment_revenue (experiment_id, order_id, unit_key, variant_key, amount, currency, paid_at)
                SELECT :id, :order, :unit, :variant, :amount, :currency, :paid FROM experiment_exposure x
                WHERE x.experiment_id = :id AND x.unit_key = :unit
                  AND NOT EXISTS (SELECT 1 FROM experiment_revenue r WHERE r.experiment_id = :id AND r.order_id = :order)
                """).param("id", experimentId).param("order", orderId).param("unit", unit).param("variant", variant)
                .param("amount", amount.amount()).param("currency", amount.currency().getCurrencyCode())
                .param("paid", SqlTime.utc(paidAt)).update() == 1;
    }

    /** Exposures, conversions and revenue of each variant that has any. */
    public Map<String, VariantFigures> figures(long experimentId) {
        Map<String, Long> exposures = counts(
                "SELECT variant_key, COUNT(*) AS n FROM experiment_exposure WHERE experiment_id = :id GROUP BY variant_key",
                experimentId);
        Map<String, Long> conversions = counts(
                "SELECT variant_key, COUNT(*) AS n FROM experiment_conversion WHERE experiment_id = :id GROUP BY variant_key",
                experimentId);
        Map<String, BigDecimal[]> revenue = new HashMap<>();
        jdbc.sql("""
                SELECT variant_key, SUM(total) AS revenue, SUM(total * total) AS squares FROM (
                    SELECT variant_key, unit_key, SUM(amount) AS total FROM experiment_revenue
                    WHERE experiment_id = :id GROUP BY variant_key, unit_key) t
                GROUP BY variant_key
                """).param("id", experimentId).query((ResultSet rs) -> {
                    revenue.put(rs.getString("variant_key"),
                            new BigDecimal[] { rs.getBigDecimal("revenue"), rs.getBigDecimal("squares") });
                });
        Map<String, VariantFigures> figures = new HashMap<>();
        for (Map.Entry<String, Long> e : exposures.entrySet()) {
            BigDecimal[] money = revenue.getOrDefault(e.getKey(), new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
            figures.put(e.getKey(), new VariantFigures(e.getValue(), conversions.getOrDefault(e.getKey(), 0L),
                    money[0], money[1]));
        }
        return figures;
    }

    private Map<String, Long> counts(String sql, long experimentId) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql(sql).param("id", experimentId)
                .query((ResultSet rs) -> {
                    counts.put(rs.getString("variant_key"), rs.getLong("n"));
                });
        return counts;
    }
}
