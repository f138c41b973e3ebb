package io.shopops.fulfilment;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One entry of a shipment's tracking timeline; {@code occurredAt} is the event's own time, which orders it. */
public record TrackingEventView(long id, TrackingSource source, @Nullable String carrierEventId,
        TrackingEventType type, Instant occurredAt, @Nullable String location, @Nullable String description,
        Instant recordedAt, String recordedBy) {
}
