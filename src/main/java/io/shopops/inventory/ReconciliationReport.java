package io.shopops.inventory;

import java.time.Instant;
import java.util.List;

import io.shopops.catalog.SkuId;

/**
 * The result of checking, for every SKU and warehouse, that the ledger's on-hand deltas add up to on hand,
 * its reserved deltas to reserved, and the active reservations' quantities to reserved as well.
 */
public record ReconciliationReport(Instant checkedAt, long rowsChecked, List<Mismatch> mismatches) {

    public ReconciliationReport {
        mismatches = List.copyOf(mismatches);
    }

    public boolean consistent() {
        return mismatches.isEmpty();
    }

    /** One check that failed: {@code expected} is what the ledger or the reservations say, {@code actual} the stock row. */
    public record Mismatch(SkuId skuId, WarehouseId warehouseId, Check check, long expected, long actual) {
    }

    public enum Check {
        /** Σ ledger on-hand deltas = on_hand. */
        LEDGER_ON_HAND,
        /** Σ ledger reserved deltas = reserved. */
        LEDGER_RESERVED,
        /** Σ quantities of ACTIVE reservations = reserved. */
        ACTIVE_RESERVATIONS
    }
}
