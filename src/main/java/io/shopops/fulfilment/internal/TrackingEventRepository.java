package io.shopops.fulfilment.internal;

import java.time.Instant;
import java.util.List;

import io.shopops.fulfilment.ShipmentId;
import io.shopops.fulfilment.TrackingEventType;
import io.shopops.fulfilment.TrackingEventView;
import io.shopops.fulfilment.TrackingSource;
import io.shopops.shared.persistence.Batches;
import io.shopops.shared.persistence.SqlTime;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The tracking timeline of shipments. A carrier's event id is stored once per carrier (a unique constraint). */
@Repository
public class TrackingEventRepository {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    TrackingEventRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public record NewEvent(ShipmentId shipmentId, String carrier, @Nullable String carrierEventId,
            TrackingSource source, TrackingEventType type, Instant occurredAt, @Nullable String location,
            @Nullable String description, Instant recordedAt, String recordedBy) {
    }

    public boolean exists(String carrier, String carrierEventId) {
        return jdbc.sql("SELECT COUNT(*) FROM tracking_event WHERE carrier_code = :c AND carrier_event_id = :e")
                .param("c", carrier).param("e", carrierEventId).query(Long.class).single() > 0;
    }

    /**
     * Appends an event. Throws {@link org.springframework.dao.DuplicateKeyException} when the carrier's event id is
     * already recorded (a repeated delivery racing the first).
     */
    public long insert(NewEvent event) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO tracking_event (shipment_id, carrier_code, carrier_event_id, source, type, occurred_at,
                                            location, description, recorded_at, recorded_by)
                VALUES (:shipment, :carrier, :eventId, :source, :type, :occurred, :location, :description, :recorded, :by)
                """)
                .param("shipment", event.shipmentId().value()).param("carrier", event.carrier())
                .param("eventId", event.carrierEventId()).param("source", event.source().name())
                .param("type", event.type().name()).param("occurred", SqlTime.utc(event.occurredAt()))
                .param("location", event.location()).param("description", event.description())
                .param("recorded", SqlTime.utc(event.recordedAt())).param("by", event.recordedBy())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Appends many events in batches (an import of history); a carrier's event id recorded before fails the batch. */
    public void insertAll(List<NewEvent> events) {
        Batches.insert(batch, """
                INSERT INTO tracking_event (shipment_id, carrier_code, carrier_event_id, source, type, occurred_at,
                                            location, description, recorded_at, recorded_by)
                VALUES (:shipment, :carrier, :eventId, :source, :type, :occurred, :location, :description, :recorded, :by)
                """, events.stream().map(event -> new MapSqlParameterSource()
                        .addValue("shipment", event.shipmentId().value()).addValue("carrier", event.carrier())
                        .addValue("eventId", event.carrierEventId()).addValue("source", event.source().name())
                        .addValue("type", event.type().name()).addValue("occurred", SqlTime.utc(event.occurredAt()))
                        .addValue("location", event.location()).addValue("description", event.description())
                        .addValue("recorded", SqlTime.utc(event.recordedAt())).addValue("by", event.recordedBy()))
                        .toList());
    }

    /** The shipment's timeline by the events' own time, oldest first (ties in the order they were recorded). */
    public List<TrackingEventView> timeline(ShipmentId shipment) {
        return jdbc.sql("SELECT * FROM tracking_event WHERE shipment_id = :id ORDER BY occurred_at, id")
                .param("id", shipment.value())
                .query((rs, n) -> new TrackingEventView(rs.getLong("id"), TrackingSource.valueOf(rs.getString("source")),
                        rs.getString("carrier_event_id"), TrackingEventType.valueOf(rs.getString("type")),
                        SqlTime.requiredInstant(rs, "occurred_at"), rs.getString("location"),
                        rs.getString("description"), SqlTime.requiredInstant(rs, "recorded_at"),
                        rs.getString("recorded_by")))
                .list();
    }
}
