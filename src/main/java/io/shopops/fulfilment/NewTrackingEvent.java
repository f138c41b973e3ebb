package io.shopops.fulfilment;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A tracking event typed in by staff, as read from the carrier's site or heard on the phone. */
public record NewTrackingEvent(@Nullable TrackingEventType type, @Nullable Instant occurredAt,
        @Nullable String location, @Nullable String description) {
}
