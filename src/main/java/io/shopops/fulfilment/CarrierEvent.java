package io.shopops.fulfilment;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A tracking event as a carrier's webhook reports it. {@code eventId} is the carrier's own id for the event: a
 * repeated delivery of the same id changes nothing.
 */
public record CarrierEvent(@Nullable String eventId, @Nullable String trackingNumber,
        @Nullable TrackingEventType type, @Nullable Instant occurredAt, @Nullable String location,
        @Nullable String description) {
}
