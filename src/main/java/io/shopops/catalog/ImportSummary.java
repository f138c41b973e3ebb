package io.shopops.catalog;

/**
 * What a CSV import wrote, or with {@code dryRun} would write. Rows that match the stored data exactly count
 * as unchanged and are not written again, so importing the same file twice changes nothing the second time.
 */
public record ImportSummary(boolean dryRun, int rows, int productsCreated, int productsUpdated,
        int productsUnchanged, int skusCreated, int skusUpdated, int skusUnchanged) {
}
