package io.shopops.aftersales;

import org.jspecify.annotations.Nullable;

/** The customer's parcel back: carrier name and tracking number as the customer's carrier printed them. */
public record ReturnShipment(@Nullable String carrier, @Nullable String trackingNumber) {
}
