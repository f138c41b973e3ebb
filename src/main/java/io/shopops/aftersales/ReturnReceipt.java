package io.shopops.aftersales;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the warehouse found in the parcel back: per line, units back on the shelf (a RETURN movement into the line's
 * warehouse) and units damaged (received, then written off by an ADJUSTMENT, so the ledger shows both). Every line
 * of the request must be accounted for; units missing from the parcel are those neither restocked nor damaged.
 */
public record ReturnReceipt(@Nullable List<Line> lines, @Nullable String note) {

    public record Line(@Nullable Integer lineNo, @Nullable Integer restocked, @Nullable Integer damaged) {
    }
}
