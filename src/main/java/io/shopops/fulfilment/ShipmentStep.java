package io.shopops.fulfilment;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One step of a shipment's life: the status it entered, when, by whom (a member, or {@code carrier:SF}). */
public record ShipmentStep(ShipmentStatus status, Instant at, String actor, @Nullable String note) {
}
