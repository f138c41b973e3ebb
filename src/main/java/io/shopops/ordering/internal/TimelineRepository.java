package io.shopops.ordering.internal;

import java.time.Instant;
import java.util.List;

import io.shopops.ordering.OrderId;
import io.shopops.ordering.OrderStatus;
import io.shopops.ordering.TimelineEntry;
import io.shopops.shared.persistence.Batches;
import io.shopops.shared.persistence.SqlTime;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The orders' timelines ({@code order_event}): appended to, never changed. */
@Repository
public class TimelineRepository {

    private static final int MAX_DETAIL = 2000;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    TimelineRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** An entry of an order's timeline, for {@link #appendAll}. */
    public record Entry(OrderId order, Instant at, TimelineEntry.Kind kind, @Nullable OrderStatus from,
            @Nullable OrderStatus to, String actor, @Nullable String detail) {
    }

    /** Appends many entries in batches (an import of history). */
    public void appendAll(List<Entry> entries) {
        Batches.insert(batch, """
                INSERT INTO order_event (order_id, occurred_at, event_type, from_status, to_status, actor, detail)
                VALUES (:order, :at, :kind, :from, :to, :actor, :detail)
                """, entries.stream().map(e -> new MapSqlParameterSource().addValue("order", e.order().value())
                        .addValue("at", SqlTime.utc(e.at())).addValue("kind", e.kind().name())
                        .addValue("from", e.from() == null ? null : e.from().name())
                        .addValue("to", e.to() == null ? null : e.to().name())
                        .addValue("actor", e.actor().length() > 64 ? e.actor().substring(0, 64) : e.actor())
                        .addValue("detail", e.detail() == null || e.detail().length() <= MAX_DETAIL ? e.detail()
                                : e.detail().substring(0, MAX_DETAIL)))
                        .toList());
    }

    public void append(OrderId order, Instant at, TimelineEntry.Kind kind, @Nullable OrderStatus from,
            @Nullable OrderStatus to, String actor, @Nullable String detail) {
        jdbc.sql("""
                INSERT INTO order_event (order_id, occurred_at, event_type, from_status, to_status, actor, detail)
                VALUES (:order, :at, :kind, :from, :to, :actor, :detail)
                """)
                .param("order", order.value()).param("at", SqlTime.utc(at)).param("kind", kind.name())
                .param("from", from == null ? null : from.name()).param("to", to == null ? null : to.name())
                .param("actor", actor.length() > 64 ? actor.substring(0, 64) : actor)
                .param("detail", detail == null || detail.length() <= MAX_DETAIL ? detail
                        : detail.substring(0, MAX_DETAIL))
                .update();
    }

    /**
     * Appends an entry for another module's event once: a repeated event finds its {@code sourceRef} and adds
     * nothing. False if the entry was there.
     */
    public boolean appendOnce(OrderId order, Instant at, TimelineEntry.Kind kind, String actor, @Nullable String detail,
            String sourceRef) {
        return jdbc.sql("""
                INSERT INTO order_event (order_id, occurred_at, event_type, actor, detail, source_ref)
                SELECT :order, :at, :kind, :actor, :detail, :ref
                WHERE NOT EXISTS (SELECT 1 FROM order_event WHERE order_id = :order AND source_ref = :ref)
                """)
                .param("order", order.value()).param("at", SqlTime.utc(at)).param("kind", kind.name())
                .param("actor", actor).param("detail", detail == null || detail.length() <= MAX_DETAIL ? detail
                        : detail.substring(0, MAX_DETAIL))
                .param("ref", sourceRef).update() == 1;
    }

    public List<TimelineEntry> of(OrderId order) {
        return jdbc.sql("SELECT * FROM order_event WHERE order_id = :order ORDER BY occurred_at, id")
                .param("order", order.value())
                .query((rs, n) -> {
                    String from = rs.getString("from_status");
                    String to = rs.getString("to_status");
                    return new TimelineEntry(SqlTime.requiredInstant(rs, "occurred_at"),
                            TimelineEntry.Kind.valueOf(rs.getString("event_type")),
                            from == null ? null : OrderStatus.valueOf(from), to == null ? null : OrderStatus.valueOf(to),
                            rs.getString("actor"), rs.getString("detail"));
                })
                .list();
    }
}
