package io.shopops.fulfilment;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * Handing a packed shipment to a carrier. The logistics cost is either typed in ({@code logisticsCost}, in the
 * shop's currency) or computed from the carrier's rate for the parcel's weight ({@code weightGrams}); with both,
 * the typed-in cost counts and the weight is kept.
 *
 * @param carrier a configured carrier's code (SF, ZTO, ...)
 */
public record Dispatch(@Nullable String carrier, @Nullable String trackingNumber, @Nullable BigDecimal logisticsCost,
        @Nullable Integer weightGrams) {
}
